namespace PrivacyHoldout117.Gaming;

/// <summary>A position update from the game client on a player's phone.</summary>
public sealed record LocationUpdate(Guid PlayerId, string Gamertag, GeoPoint Position, double AccuracyMetres, DateTimeOffset At);

/// <summary>
/// The location-based game's position endpoint: clients post where the player is, the server
/// spawns what is near them. Map cells of five characters (about five kilometres) drive spawns.
/// </summary>
public sealed class PlayerLocationPingHandler(
    ILogger<PlayerLocationPingHandler> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly GeoplayPingsCounter _pings = meter.CreateGeoplayPingsCounter();
    private readonly Counter<long> _activeCells = meter.CreateCounter<long>("geoplay.cell.pings");
    private readonly Histogram<double> _accuracy = meter.CreateHistogram<double>("geoplay.ping.accuracy", "m");

    public void Handle(LocationUpdate update, string region, string devicePlatform)
    {
        var cell = Geohash.Encode(update.Position, 5);
        var fine = Geohash.Encode(update.Position, 7);
        using var span = source.StartGeoplayIngest("players/+/location");
        span.SetGeoplayRegion(region).SetGeoplayDeviceModel(devicePlatform); // clean generated-api
        span.SetGeoplayPlayerId(pseudonymizer.PseudonymizeGeoplayPlayerId(update.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("geoplay.cell", cell); // clean precision-about
        span.Activity?.SetTag("geoplay.cell.fine", fine); // leak TC1001 direct
        _activeCells.Add(1, new KeyValuePair<string, object?>("cell", cell)); // clean precision-about
        _activeCells.Add(1, new KeyValuePair<string, object?>("cell", fine)); // leak TC1003 direct
        _accuracy.Record(update.AccuracyMetres, new KeyValuePair<string, object?>("platform", devicePlatform)); // clean precision-about
        _pings.Add(1, devicePlatform, update.AccuracyMetres > 100 ? "coarse" : "accepted"); // clean generated-api

        logger.LogDebug("Location {@Update}", update); // leak TC1001 logging-objects
        logger.LogDebug("Location of {Gamertag} in {Cell}", update.Gamertag, cell); // leak TC1001 direct
        logger.LogDebug("Location at {Position}", update.Position.Rounded(1)); // clean precision-about
        logger.LogDebug("Location at {Position}", update.Position); // leak TC1001 direct
        span.Activity?.SetTag("geoplay.position.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fine)))); // leak TC1002 hashes
    }
}
