namespace PrivacyHoldout79.Healthcare;

/// <summary>
/// Receives the MyCare patient app's real-user-monitoring beacons (the web app and the native app's
/// web views). The app's routes are <c>/home</c>, <c>/appointments/{appointmentId}</c>,
/// <c>/messages</c> and <c>/records/{hospitalNumber}/letters</c>: the records pages carry the
/// patient's hospital number in their path, and the letters page links there from the messages.
/// </summary>
public sealed partial class PatientAppRumIngest(
    ILogger<PatientAppRumIngest> logger,
    Meter meter,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    KeyedBuckets buckets)
{
    private readonly Histogram<double> _lcp = meter.CreateHistogram<double>("mycare.rum.lcp", "ms");
    private readonly Counter<long> _beacons = meter.CreateCounter<long>("mycare.rum.beacons");
    private string? _slowestUrl;
    private double _slowestLcp;

    public void Map(EndpointRoutes routes) => routes.MapPost("/rum/v1/beacons", Ingest);

    public int Ingest(string batchId, List<RumBeacon> beacons, string? signedInHospitalNumber)
    {
        using var span = source.StartCarepulseIngest(batchId).SetCarepulseBatchSize(beacons.Count); // clean precision-about
        if (signedInHospitalNumber is not null)
        {
            span.SetCarepulseUserId(pseudonymizer.PseudonymizeCarepulseUserId(signedInHospitalNumber)); // clean precision-pseudonym
        }

        var accepted = 0;
        foreach (var beacon in beacons)
        {
            var country = GeoIp.Lookup(beacon.Client.IpAddress).CountryCode;
            span.SetCarepulseAppVersion(beacon.Client.AppVersion).SetCarepulseGeoCountry(country); // clean precision-about
            meter.CreateCarepulseClientTimingHistogram().Record(beacon.Timings.LcpMs / 1000, beacon.RouteTemplate, carepulseGeoCountry: country); // clean precision-about
            _lcp.Record(beacon.Timings.LcpMs, new KeyValuePair<string, object?>("route", beacon.RouteTemplate), new("os", beacon.Client.OsName)); // clean precision-about

            if (beacon.Timings.LcpMs > 4000)
            {
                logger.LogWarning("Slow page {Url} LCP {Lcp} ms on {Device}", beacon.Url, beacon.Timings.LcpMs, beacon.Client.DeviceModel); // leak TC1001 direct
                if (beacon.Timings.LcpMs > _slowestLcp)
                {
                    (_slowestUrl, _slowestLcp) = (beacon.Url, beacon.Timings.LcpMs);
                }
                Activity.Current?.AddEvent(new ActivityEvent("rum.slow_page", tags: new ActivityTagsCollection { ["route"] = beacon.RouteTemplate, ["lcp_ms"] = beacon.Timings.LcpMs })); // clean precision-about
            }

            if (beacon.Referrer is { } referrer && Uri.TryCreate(referrer, UriKind.Absolute, out var from))
            {
                Activity.Current?.SetTag("rum.referrer.host", from.Host); // clean precision-about
                Activity.Current?.SetTag("rum.referrer", referrer); // leak TC1001 direct
            }

            _beacons.Add(1, new KeyValuePair<string, object?>("app_version", beacon.Client.AppVersion), new("bucket", buckets.Bucket(beacon.Client.InstallId, 16))); // clean precision-about
            accepted++;
        }

        LogBatch(logger, batchId, accepted, beacons.Count - accepted); // clean precision-about
        return accepted;
    }

    public void OnSessionStart(RumBeacon first)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SessionId"] = first.SessionId, ["InstallId"] = first.Client.InstallId }); // leak TC1001 direct
        logger.LogInformation("RUM session started on {Os} {OsVersion} with app {AppVersion}", first.Client.OsName, first.Client.OsVersion, first.Client.AppVersion); // clean precision-about
        logger.LogDebug("RUM session client {Client}", first.Client); // leak TC1001 logging-objects
        Activity.Current?.SetTag("client.user_agent", first.Client.UserAgent); // clean precision-names
        Activity.Current?.SetTag("client.address", first.Client.IpAddress); // leak TC1001 direct
        Activity.Current?.SetTag("client.address.truncated", IpMask.Truncate(first.Client.IpAddress)); // clean precision-about
    }

    public void ReportSlowest()
    {
        logger.LogInformation("Slowest page this minute: {Url} at {Lcp} ms", _slowestUrl, _slowestLcp); // leak TC1001 cross-member
        (_slowestUrl, _slowestLcp) = (null, 0);
    }

    public int IngestRaw(string batchId, string body)
    {
        try
        {
            var beacons = JsonSerializer.Deserialize<List<RumBeacon>>(body) ?? throw new MalformedBeaconException(0, body);
            return Ingest(batchId, beacons, null);
        }
        catch (MalformedBeaconException ex)
        {
            logger.LogWarning("Beacon body unreadable: {Error}", ex.Message); // leak TC1001 exceptions
            logger.LogCarepulseIngestRejectedEvent(batchId, "rejected:parse", carepulseNote: body); // leak TC1001 generated-api
            logger.LogCarepulseIngestRejectedEvent(batchId, "rejected:parse", carepulseNote: $"{body.Length} bytes, position {ex.Position}"); // clean precision-about
            return 0;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "RUM batch {BatchId}: {Accepted} accepted, {Dropped} dropped")]
    private static partial void LogBatch(ILogger logger, string batchId, int accepted, int dropped);
}
