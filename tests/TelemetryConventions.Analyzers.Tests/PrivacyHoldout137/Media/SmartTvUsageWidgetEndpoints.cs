namespace PrivacyHoldout137.Media;

public sealed record UsageWidgetRequest(string DeviceId, Guid ProfileId, string ProfileName, string AccountNumber, string MeterSerial, string Territory);

public sealed record UsageTile(string Period, decimal Kwh, decimal Cost, string Comparison);

/// <summary>
/// The smart TV app's "home energy" tile: the set-top box asks for the household's usage today, read from the
/// smart meter through the energy partner, and shows it beside the programme guide.
/// </summary>
public static class SmartTvUsageWidgetEndpoints
{
    private static readonly ActivitySource Source = new("Media.SmartTv.EnergyTile");
    private static readonly Meter Meter = new("Media.SmartTv.EnergyTile");
    private static readonly Counter<long> TileViews = Meter.CreateCounter<long>("tv.energy_tile.views");

    public static void Map(EndpointRoutes routes) => routes.MapGet("/tv/tiles/energy", GetAsync);

    public static async Task<ActionResult> GetAsync(UsageWidgetRequest request, ISmartMeterGateway gateway, Pseudonymizer pseudonymizer, ILogger<UsageWidgetRequest> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("tv.energy_tile");
        activity?.SetTag("tv.territory", request.Territory); // clean precision-names
        activity?.SetTag("tv.device", request.DeviceId); // leak TC1001 direct
        activity?.SetTag("tv.profile_name", request.ProfileName); // leak TC1001 direct
        activity?.SetTag("tv.profile", pseudonymizer.PseudonymizeMeterreadAccountId(request.ProfileId.ToString()).Value); // clean precision-pseudonym
        activity?.SetTag("tv.profile_hash", Convert.ToHexString(MD5.HashData(request.ProfileId.ToByteArray()))[..8]); // leak TC1002 hashes

        var profile = await gateway.ReadProfileAsync(request.MeterSerial, DateOnly.FromDateTime(DateTime.UtcNow), ct);
        var tile = new UsageTile("today", profile.Intervals.Sum(i => i.Kwh), profile.Intervals.Sum(i => i.Kwh) * 0.245m, "lower");
        logger.LogInformation("Energy tile {@Tile}", tile); // clean logging-objects
        logger.LogInformation("Energy tile for {Request}", request); // leak TC1001 logging-objects
        TileViews.Add(1, new KeyValuePair<string, object?>("territory", request.Territory)); // clean precision-names
        TileViews.Add(1, new KeyValuePair<string, object?>("device", request.DeviceId)); // leak TC1003 direct
        return new OkResult(tile);
    }
}
