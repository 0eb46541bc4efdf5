namespace PrivacyHoldout79.Energy;

/// <summary>
/// Page-view and timing beacons of the energy supplier's web app. Its pages are <c>/tariffs</c>,
/// <c>/accounts/{accountNumber}/usage</c>, <c>/meters/{meterSerial}/readings/new</c> and
/// <c>/outages?postcode=…</c> (the postcode the customer typed into the outage map).
/// </summary>
public static class EnergyAppBeaconEndpoint
{
    private static readonly ActivitySource Source = new("Supply.App.Beacons");
    private static readonly Meter BeaconMeter = new("Supply.App.Beacons");
    private static readonly Counter<long> PageViews = BeaconMeter.CreateCounter<long>("supply.app.page_views");

    public static void Map(EndpointRoutes routes, ILogger logger, Pseudonymizer pseudonymizer) =>
        routes.MapPost("/beacons/page-view", (RumBeacon beacon, string? accountNumber) => PageView(beacon, accountNumber, logger, pseudonymizer));

    public static ActionResultShape PageView(RumBeacon beacon, string? accountNumber, ILogger logger, Pseudonymizer pseudonymizer)
    {
        using var span = Source.StartGridpulseIngest(beacon.BeaconId);
        var device = DeviceCatalog.Lookup(beacon.Client.DeviceModel);
        span.SetGridpulseDeviceModel(device.MarketingName); // clean precision-about
        span.SetGridpulseOsName(beacon.Client.OsName); // clean precision-about
        span.Activity?.SetTag("page.route", beacon.RouteTemplate); // clean precision-about
        span.Activity?.SetTag("device.class", device.DeviceClass); // clean precision-about

        var url = new Uri(new Uri("https://app.example-energy.co.uk"), beacon.Url);
        span.Activity?.SetTag("page.path", url.AbsolutePath); // leak TC1001 strings
        span.Activity?.SetTag("page.query.length", url.Query.Length); // clean precision-about
        span.Activity?.SetTag("page.transition", $"{beacon.Referrer} -> {beacon.RouteTemplate}"); // leak TC1001 strings
        PageViews.Add(1, new KeyValuePair<string, object?>("route", beacon.RouteTemplate), new("screen", beacon.ScreenName)); // clean precision-about
        PageViews.Add(1, new KeyValuePair<string, object?>("path", url.AbsolutePath)); // leak TC1003 strings

        if (beacon.RouteTemplate == "/outages")
        {
            var postcode = Uri.UnescapeDataString(url.Query.Split("postcode=").Last());
            logger.LogInformation("Outage map opened for {Postcode}", postcode); // leak TC1001 direct
            logger.LogInformation("Outage map opened for district {District}", postcode.Split(' ')[0]); // clean precision-about
        }

        if (accountNumber is not null)
        {
            span.SetGridpulseUserId(pseudonymizer.PseudonymizeGridpulseUserId(accountNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("page.dedupe_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountNumber + beacon.RouteTemplate)))); // leak TC1002 hashes
            if (span.Activity is { } pageActivity) pageActivity.DisplayName = $"page-view {accountNumber}"; // leak TC1001 strings
        }

        var geo = GeoIp.Lookup(beacon.Client.IpAddress);
        span.SetGridpulseGeoCountry(geo.CountryCode); // clean precision-about
        span.Activity?.SetTag("client.subnet", IpMask.Truncate(beacon.Client.IpAddress)); // clean precision-about
        logger.LogDebug("Beacon {BeaconId} from {Ip} in {City}", beacon.BeaconId, beacon.Client.IpAddress, geo.City); // leak TC1001 direct
        BeaconMeter.CreateGridpulseClientTimingHistogram().Record(beacon.Timings.TtfbMs / 1000, beacon.RouteTemplate, gridpulseGeoCountry: geo.CountryCode, gridpulseDeviceModel: device.MarketingName); // clean precision-about
        return new ActionResultShape(202);
    }

    public sealed record ActionResultShape(int Status);
}
