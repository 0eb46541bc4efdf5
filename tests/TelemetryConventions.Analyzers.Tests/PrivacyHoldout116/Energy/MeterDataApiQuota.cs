namespace PrivacyHoldout116.Energy;

/// <summary>
/// Quotas of the smart meter data API. Third-party apps (comparison sites, EV charger makers) call it with
/// the API key the supplier issued to their company; households who turned on "my data" get a personal API
/// key of their own. Each app has a daily quota, and each meter a per-minute limit whatever app asks.
/// </summary>
public sealed class MeterDataApiQuota(ILogger<MeterDataApiQuota> logger, IApiKeyStore apiKeys, ICounterStore counters, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("MeterData.Quota");
    private readonly Counter<long> _quotaRejections = meter.CreateCounter<long>("meterdata.quota.rejections");
    private string _lastMeterPartition = string.Empty;

    public async Task<bool> AllowAsync(EdgeRequest request, string meterSerial, string accountNumber)
    {
        using var span = Source.StartMeterguardThrottle("meter-data");
        var presented = request.Headers.TryGetValue("Authorization", out var header) ? header["ApiKey ".Length..] : string.Empty;
        var key = await apiKeys.FindAsync(presented);
        if (key is null)
        {
            span.SetMeterguardOutcome("unauthenticated");
            logger.LogWarning("Rejected API key starting {Prefix} for meter data", presented[..Math.Min(8, presented.Length)]); // clean precision-about
            return false;
        }

        span.SetMeterguardPartitionKind(key.IssuedToOrganisation ? "app" : "household"); // clean precision-about
        if (key.IssuedToOrganisation)
        {
            Activity.Current?.SetTag("meterdata.app", key.OwnerId); // clean precision-names
            logger.LogInformation("App {App} on plan {Plan} reads meter data with key {KeyId}", key.OwnerId, key.Plan, key.KeyId); // clean precision-names
        }
        else
        {
            Activity.Current?.SetTag("meterdata.key_owner", key.OwnerId); // leak TC1001 direct
            Activity.Current?.SetTag("meterdata.key_id", key.KeyId); // clean precision-names
            logger.LogDebug("Household key {ApiKey} reads meter {MeterSerial}", presented, meterSerial); // leak TC1001 direct
        }

        var appKey = $"app:{key.KeyId}:{DateTime.UtcNow:yyyyMMdd}";
        var appUsed = await counters.IncrementAsync(appKey, TimeSpan.FromDays(1));
        logger.LogDebug("Daily quota key {QuotaKey} at {Used}", appKey, appUsed); // clean precision-names

        _lastMeterPartition = $"meter:{meterSerial}";
        var meterUsed = await counters.IncrementAsync(_lastMeterPartition, TimeSpan.FromMinutes(1));
        span.SetMeterguardAttempts(meterUsed); // clean precision-about
        if (meterUsed > 30)
        {
            span.SetMeterguardOutcome("throttled").SetMeterguardSubjectId(pseudonymizer.PseudonymizeMeterguardSubjectId(accountNumber)); // clean precision-pseudonym
            RecordMeterRejection(key);
            _quotaRejections.Add(1, new KeyValuePair<string, object?>("meter.model", meterSerial[..3])); // clean precision-about
            _quotaRejections.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.PseudonymizeMeterguardSubjectId(accountNumber).Value)); // leak TC1003 precision-pseudonym
            return false;
        }
        return true;
    }

    private void RecordMeterRejection(ApiKeyRecord key)
    {
        logger.LogWarning("Per-meter limit hit on {Partition} by key {KeyId}", _lastMeterPartition, key.KeyId); // leak TC1001 cross-member
        logger.LogMeterguardRequestBlockedEvent("meter-data", "throttled", meterguardNote: DescribeLastPartition()); // leak TC1001 cross-member
        meter.CreateMeterguardThrottledCounter().Add(1, "meter-data", "meter", "throttled"); // clean generated-api
    }

    private string DescribeLastPartition() => $"meter partition {_lastMeterPartition} over 30 reads a minute";

    public void ReportUsage(IReadOnlyList<QuotaUsage> usages)
    {
        var apps = usages.Where(u => u.Key.StartsWith("app:", StringComparison.Ordinal)).ToList();
        logger.LogInformation("App quotas today: {Usages}", apps); // clean logging-objects
        var hottest = usages.Where(u => u.Key.StartsWith("meter:", StringComparison.Ordinal)).OrderByDescending(u => u.Used).FirstOrDefault();
        if (hottest is not null)
        {
            logger.LogInformation("Busiest meter partition {Key} with {Used} reads", hottest.Key, hottest.Used); // leak TC1001 strings
            Activity.Current?.SetTag("meterdata.busiest.reads", hottest.Used); // clean precision-about
        }
    }
}
