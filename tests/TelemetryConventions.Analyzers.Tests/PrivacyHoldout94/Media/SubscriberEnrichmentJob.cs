namespace PrivacyHoldout94.Media;

public sealed record SubscriberToEnrich(Guid SubscriberId, string Email, string? Postcode);

/// <summary>
/// Weekly marketing enrichment: subscribers who opted in are sent to the data partner by email; the
/// partner returns employer, job title and city for segmentation. Calls are budgeted by the partner's quota.
/// </summary>
public sealed class SubscriberEnrichmentJob(
    IEnrichmentProvider provider,
    IQueueReceiver<SubscriberToEnrich> queue,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SubscriberEnrichmentJob> logger) : BackgroundService
{
    private readonly SubcontactCheckDurationHistogram _duration = meter.CreateSubcontactCheckDurationHistogram();
    private readonly Counter<long> _matched = meter.CreateCounter<long>("subcontact.enrich.matched");
    private EnrichmentProfile? _lastProfile;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quota = await provider.QuotaAsync(stoppingToken);
        logger.LogInformation("Enrichment quota {Quota}", quota); // clean logging-objects
        while (!stoppingToken.IsCancellationRequested && await queue.ReceiveAsync(stoppingToken) is { } item)
        {
            await EnrichOneAsync(item, stoppingToken);
        }
    }

    public void Heartbeat()
    {
        logger.LogDebug("Enrichment alive; last matched on {MatchedOn} with confidence {Confidence}", _lastProfile?.MatchedOn, _lastProfile?.Confidence); // clean cross-member
        logger.LogDebug("Enrichment alive; last profile {Name} <{Email}>", _lastProfile?.FullName, _lastProfile?.Email); // leak TC1001 cross-member
    }

    private async Task EnrichOneAsync(SubscriberToEnrich item, CancellationToken cancellationToken)
    {
        using var span = source.StartSubcontactCheck("enrich");
        span.SetSubcontactProvider(provider.Name); // clean precision-names
        span.SetSubcontactSubscriberId(pseudonymizer.PseudonymizeSubcontactSubscriberId(item.SubscriberId.ToString())); // clean precision-pseudonym
        // The partner joins on SHA-256 of the lower-cased email, as its specification asks.
        var partnerKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(item.Email.Trim().ToLowerInvariant()))).ToLowerInvariant();
        span.Activity?.SetTag("subcontact.partner.key", partnerKey); // leak TC1002 hashes
        var started = Stopwatch.GetTimestamp();
        try
        {
            var profile = await provider.EnrichAsync(new EnrichmentRequest(item.Email, null, null, item.Postcode), cancellationToken);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "enrich", provider.Name);
            if (profile is null)
            {
                span.SetSubcontactOutcome("no_match");
                return;
            }
            _lastProfile = profile;
            span.SetSubcontactConfidence(profile.Confidence);
            span.Activity?.SetTag("subcontact.enrich.sources", profile.Sources.Count); // clean precision-about
            _matched.Add(1, new KeyValuePair<string, object?>("matched_on", profile.MatchedOn)); // clean precision-names
            logger.LogDebug("Partner returned {Profile}", profile); // leak TC1001 logging-objects
            logger.LogInformation("Enriched: employer found {HasEmployer}, title found {HasTitle}, {FieldCount} fields", profile.Employer is not null, profile.JobTitle is not null, profile.Sources.Count); // clean precision-about
            span.Activity?.SetTag("subcontact.enrich.name", profile.FullName); // leak TC1001 direct
        }
        catch (EnrichmentProviderException ex) when (ex.StatusCode == 404)
        {
            span.SetSubcontactOutcome("no_match");
            logger.LogDebug("Partner has no record: {Reason}", ex.Message); // leak TC1001 exceptions
        }
        catch (EnrichmentProviderException ex)
        {
            span.Activity?.SetTag("subcontact.enrich.error", $"{ex.Provider}:{ex.StatusCode}"); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
        }

        var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(item.Email))[0] % 8;
        span.Activity?.SetTag("subcontact.enrich.bucket", bucket); // clean hashes
    }
}
