namespace PrivacyHoldout79.Media;

/// <summary>The context the pipeline stores after enrichment: the raw address replaced by its truncation.</summary>
public sealed record EnrichedContext(string Country, string? Subdivision, string DeviceClass, string MarketingName, string TruncatedIp, string AppVersion);

/// <summary>
/// Enriches each incoming streaming-app event with geo from the client's IP address and the
/// device's marketing name, then drops the raw address.
/// </summary>
public sealed class EnrichmentPipeline(ILogger<EnrichmentPipeline> logger, ActivitySource source, Meter meter)
{
    private readonly Counter<long> _enriched = meter.CreateCounter<long>("stream.enrichment.events");
    private readonly Counter<long> _failures = meter.CreateCounter<long>("stream.enrichment.failures");

    public EnrichedContext Enrich(string batchId, ClientContext client)
    {
        using var span = source.StartViewpulseIngest(batchId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ClientIp"] = client.IpAddress, ["Locale"] = client.Locale }); // leak TC1001 direct

        var geo = GeoIp.Lookup(client.IpAddress);
        var device = DeviceCatalog.Lookup(client.DeviceModel);
        var enriched = new EnrichedContext(geo.CountryCode, geo.Subdivision, device.DeviceClass, device.MarketingName, IpMask.Truncate(client.IpAddress), client.AppVersion);

        span.SetViewpulseGeoCountry(geo.CountryCode); // clean precision-about
        span.SetViewpulseDeviceModel(device.MarketingName); // clean precision-about
        logger.LogDebug("Enriched {Context}", enriched); // clean logging-objects
        logger.LogDebug("Enriched {Client} to {Country}", client, geo.CountryCode); // leak TC1001 logging-objects
        _enriched.Add(1, new KeyValuePair<string, object?>("country", geo.CountryCode), new("device_class", device.DeviceClass), new("release_year", device.ReleaseYear)); // clean precision-about
        _enriched.Add(1, new KeyValuePair<string, object?>("subnet", enriched.TruncatedIp)); // clean precision-about

        if (geo.City is null)
        {
            _failures.Add(1, new KeyValuePair<string, object?>("ip", client.IpAddress)); // leak TC1003 direct
            span.SetViewpulseNote($"no city for {client.IpAddress}"); // leak TC1001 generated-api
            span.SetViewpulseNote($"no city for {enriched.TruncatedIp} in {geo.CountryCode}"); // clean precision-about
        }

        span.Activity?.SetTag("client.user_agent", client.UserAgent); // clean precision-names
        span.Activity?.SetTag("client.locale", client.Locale); // clean precision-about
        span.Activity?.SetTag("client.fingerprint", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(client.IpAddress + client.UserAgent)))); // leak TC1002 hashes
        return enriched;
    }
}
