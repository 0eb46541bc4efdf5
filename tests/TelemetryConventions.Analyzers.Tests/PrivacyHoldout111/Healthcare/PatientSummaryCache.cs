namespace PrivacyHoldout111.Healthcare;

public sealed record PatientSummary(string HospitalNumber, string FamilyName, string Ward, IReadOnlyList<string> Alerts, DateTimeOffset AsAt);

public sealed record WardCensus(string Ward, int Occupied, int Beds, DateTimeOffset AsAt);

public interface IPatientRecordSource
{
    Task<PatientSummary?> SummaryAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task<WardCensus> CensusAsync(string ward, CancellationToken cancellationToken);
}

/// <summary>The EPR's summary cache: HybridCache in front of the patient record, tagged by patient and ward.</summary>
public sealed class PatientSummaryCache(
    HybridCache cache,
    IPatientRecordSource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PatientSummaryCache> logger)
{
    private static readonly ActivitySource Source = new("Trust.Epr.Cache");
    private static readonly Meter Meter = new("Trust.Epr.Cache");
    private static readonly Counter<long> Fills = Meter.CreateCounter<long>("epr.cache.fills");
    private static readonly HybridCacheEntryOptions SummaryEntry = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromSeconds(30) };

    private readonly ChartcacheCacheLookupsCounter _lookups = Meter.CreateChartcacheCacheLookupsCounter();
    private readonly ChartcacheCacheFillDurationHistogram _fillDuration = Meter.CreateChartcacheCacheFillDurationHistogram();

    public async Task<PatientSummary?> GetSummaryAsync(string hospitalNumber, string ward, CancellationToken cancellationToken)
    {
        var key = $"patient-summary:{hospitalNumber}";
        using var span = Source.StartChartcacheCacheFill("hybrid")
            .SetChartcachePatientId(pseudonymizer.PseudonymizeChartcachePatientId(hospitalNumber)) // clean precision-pseudonym
            .SetChartcacheWard(ward); // clean precision-names
        span.SetChartcacheCacheKey(key); // leak TC1001 generated-api

        var filled = false;
        var started = Stopwatch.GetTimestamp();
        var summary = await cache.GetOrCreateAsync(key, async ct =>
        {
            filled = true;
            logger.LogDebug("Summary cache miss for {CacheKey}, reading the record", key); // leak TC1001 strings
            return await source.SummaryAsync(hospitalNumber, ct);
        }, SummaryEntry, new[] { $"patient:{hospitalNumber}", $"ward:{ward}" }, cancellationToken);

        var outcome = filled ? "filled" : "hit";
        span.SetChartcacheCacheOutcome(outcome); // clean precision-about
        _lookups.Add(1, "hybrid", outcome, ward); // clean precision-names
        if (filled)
        {
            _fillDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "hybrid", outcome); // clean direct
            Fills.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeChartcachePatientId(hospitalNumber))); // leak TC1003 precision-pseudonym
        }
        span.SetChartcacheNote($"alerts={summary?.Alerts.Count ?? 0}"); // clean precision-about
        return summary;
    }

    public async Task<WardCensus> GetCensusAsync(string ward, CancellationToken cancellationToken)
    {
        var key = $"ward-census:{ward}:{DateTime.UtcNow:yyyyMMddHH}";
        using var span = Source.StartChartcacheCacheFill("hybrid").SetChartcacheCacheKey(key).SetChartcacheWard(ward); // clean generated-api
        var census = await cache.GetOrCreateAsync(key, ct => new ValueTask<WardCensus>(source.CensusAsync(ward, ct)), SummaryEntry, new[] { $"ward:{ward}" }, cancellationToken);
        logger.LogInformation("Census {Census} served from {CacheKey}", census, key); // clean logging-objects
        return census;
    }

    public async Task InvalidatePatientAsync(string hospitalNumber, string reason, CancellationToken cancellationToken)
    {
        var tag = $"patient:{hospitalNumber}";
        await cache.RemoveByTagAsync(tag, cancellationToken);
        Activity.Current?.SetTag(ChartcacheAttributes.CacheTag, tag); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("cache.invalidated", tags: new ActivityTagsCollection { ["reason"] = reason, ["tag.kind"] = tag.Split(':')[0] })); // clean precision-about
        logger.LogInformation("Evicted summaries tagged {Tag} ({Reason})", tag, reason); // leak TC1001 direct
        var shard = KeyedShard.Of(secrets.ShardKey, hospitalNumber, 64);
        Activity.Current?.SetTag("chartcache.invalidation.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..12];
        logger.LogDebug("Invalidation fingerprint {Fingerprint}", digest); // leak TC1002 hashes
    }

    public async Task WarmWardAsync(string ward, IReadOnlyList<string> hospitalNumbers, CancellationToken cancellationToken)
    {
        foreach (var number in hospitalNumbers)
        {
            try
            {
                await GetSummaryAsync(number, ward, cancellationToken);
            }
            catch (TimeoutException ex)
            {
                logger.LogWarning(ex, "Warming {Ward} timed out", ward); // leak TC1001 exceptions
            }
        }
        logger.LogInformation("Warmed {Count} summaries on {Ward}", hospitalNumbers.Count, ward); // clean precision-about
        logger.LogDebug("Warmed patients {Patients}", string.Join(",", hospitalNumbers)); // leak TC1001 strings
    }
}
