namespace PrivacyHoldout79.Gaming;

/// <summary>An install attribution from the mobile game: the platform advertising id and the campaign.</summary>
public sealed record InstallAttribution(string InstallId, string? AdvertisingId, string Campaign, string Network, string Country, ConsentFlags Consent, DateTimeOffset InstalledAt);

/// <summary>
/// Forwards install attributions to the ad network when the player allowed advertising tracking.
/// Consent to advertising allows the forward to the network, not telemetry about the id.
/// </summary>
public sealed class AdAttributionForwarder(ILogger<AdAttributionForwarder> logger, Meter meter, IAnalyticsForwarder forwarder)
{
    private static readonly ActivitySource Attribution = new("Arena.Attribution");
    private readonly Counter<long> _attributions = meter.CreateCounter<long>("arena.attributions");
    private readonly ConcurrentQueue<string> _withoutConsent = new();

    public async Task ForwardAsync(InstallAttribution attribution, CancellationToken cancellationToken)
    {
        using var activity = Attribution.StartActivity("attribution.forward");
        activity?.SetTag("attribution.campaign", attribution.Campaign); // clean precision-about
        activity?.SetTag("attribution.network", attribution.Network); // clean precision-about
        activity?.SetTag("consent.advertising", attribution.Consent.Advertising); // clean precision-about
        logger.LogInformation("Attribution consent {@Consent} in {Country}", attribution.Consent, attribution.Country); // clean logging-objects
        _attributions.Add(1, new KeyValuePair<string, object?>("network", attribution.Network), new("country", attribution.Country), new("consented", attribution.Consent.Advertising)); // clean precision-about

        if (!attribution.Consent.Advertising || attribution.AdvertisingId is null)
        {
            activity?.SetTag("attribution.has_ad_id", attribution.AdvertisingId is not null); // clean precision-about
            _withoutConsent.Enqueue(attribution.InstallId);
            return;
        }

        await forwarder.ForwardAsync("ad_network_postbacks", new Dictionary<string, object?> { ["idfa"] = attribution.AdvertisingId, ["campaign"] = attribution.Campaign }, cancellationToken);
        activity?.SetTag("attribution.advertising_id", attribution.AdvertisingId); // leak TC1001 direct
        _attributions.Add(1, new KeyValuePair<string, object?>("ad_id", attribution.AdvertisingId)); // leak TC1003 direct
        logger.LogInformation("Attribution forwarded {Attribution}", attribution); // leak TC1001 logging-objects
        activity?.SetTag("attribution.ad_id.encoded", Convert.ToBase64String(Encoding.UTF8.GetBytes(attribution.AdvertisingId))); // leak TC1001 hashes
        activity?.SetTag("attribution.ad_id.zeroed", attribution.AdvertisingId == "00000000-0000-0000-0000-000000000000"); // clean precision-about
    }

    public void ReportWithoutConsent()
    {
        logger.LogInformation("{Count} installs attributed without advertising consent", _withoutConsent.Count); // clean precision-about
        logger.LogDebug("Installs without advertising consent: {Installs}", string.Join(",", _withoutConsent)); // leak TC1001 cross-member
        _withoutConsent.Clear();
    }
}
