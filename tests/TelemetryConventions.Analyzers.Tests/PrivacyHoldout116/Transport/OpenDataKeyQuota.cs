namespace PrivacyHoldout116.Transport;

public sealed record DeveloperAccount(string DeveloperId, string Email, string DisplayName, string? Company);

/// <summary>
/// Quotas of the open-data API (timetables, live departures) and the journey planner. Developers register
/// on the portal, as a company or as themselves, and get an API key with a daily quota; the anonymous
/// journey planner is limited per client IP address, behind the operator's CDN (which sends the address in
/// X-Forwarded-For).
/// </summary>
public sealed class OpenDataKeyQuota(ILogger<OpenDataKeyQuota> logger, IApiKeyStore apiKeys, ICounterStore counters, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("OpenData.Quota");
    private readonly Counter<long> _overQuota = meter.CreateCounter<long>("opendata.over_quota");

    public async Task<bool> AllowAsync(EdgeRequest request, Func<string, Task<DeveloperAccount>> developers)
    {
        using var span = Source.StartFareguardThrottle("open-data-daily");
        var presented = request.Headers.TryGetValue("apikey", out var value) ? value : string.Empty;
        var key = await apiKeys.FindAsync(presented);
        if (key is null)
        {
            span.SetFareguardOutcome("unauthenticated");
            var ex = new InvalidApiKeyException(presented.Length > 6 ? presented[..6] : presented);
            logger.LogWarning(ex, "Open-data call with an unknown key on {Route}", request.RouteTemplate); // clean exceptions
            return false;
        }

        span.SetFareguardPartitionKind("api_key"); // clean precision-about
        var used = await counters.IncrementAsync($"opendata:{key.KeyId}:{DateTime.UtcNow:yyyyMMdd}", TimeSpan.FromDays(1));
        span.SetFareguardAttempts(used); // clean precision-about
        if (used <= 10_000)
        {
            return true;
        }

        var developer = await developers(key.OwnerId);
        span.SetFareguardOutcome("over_quota");
        if (developer.Company is { } company)
        {
            logger.LogInformation("Company {Company} over its daily quota with key {KeyId}", company, key.KeyId); // clean precision-names
            _overQuota.Add(1, new KeyValuePair<string, object?>("developer.company", company)); // clean precision-names
        }
        else
        {
            span.SetFareguardSubjectId(pseudonymizer.PseudonymizeFareguardSubjectId(developer.DeveloperId)); // clean precision-pseudonym
            logger.LogInformation("Developer {Developer} over quota, notifying {Email}", developer.DisplayName, developer.Email); // leak TC1001 direct
            _overQuota.Add(1, new KeyValuePair<string, object?>("developer.id", developer.DeveloperId)); // leak TC1003 direct
        }
        logger.LogDebug("Quota exceeded for {Developer}", developer); // leak TC1001 logging-objects
        Activity.Current?.SetTag("opendata.plan", key.Plan); // clean precision-names
        return false;
    }

    public void OnJourneyPlannerRejected(OnRejectedContext context)
    {
        var request = context.HttpContext;
        var forwarded = request.Headers.TryGetValue("X-Forwarded-For", out var chain) ? chain.Split(',')[0].Trim() : request.RemoteIpAddress?.ToString() ?? "";
        var span = Activity.Current.EnrichFareguardThrottle("planner-per-ip").SetFareguardPartitionKind("ip").SetFareguardOutcome("throttled");
        span.SetFareguardOperator("network"); // clean precision-names
        Activity.Current?.SetTag("client.address", forwarded); // leak TC1001 cross-member
        Activity.Current?.SetTag("network.peer.address", request.RemoteIpAddress?.ToString()); // clean precision-names
        logger.LogInformation("Planner throttled: {ForwardedFor}", request.Headers["X-Forwarded-For"]); // leak TC1001 strings
        var bucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(forwarded)))[..8];
        logger.LogDebug("Planner throttled for client bucket {Bucket}", bucket); // leak TC1002 hashes
        var keyed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(forwarded))[0] % 64;
        logger.LogDebug("Planner throttled for client shard {Shard}", keyed); // clean hashes
        meter.CreateFareguardThrottledCounter().Add(1, "planner-per-ip", "ip", "throttled"); // clean generated-api
        logger.LogFareguardRequestBlockedEvent("planner-per-ip", "throttled", fareguardNote: $"from {forwarded}"); // leak TC1001 generated-api
    }
}
