namespace PrivacyHoldout116.Healthcare;

/// <summary>
/// The patient portal's rate limiting. Signed-in patients are partitioned by their NHS login subject,
/// anonymous callers by IP address and the practices' integration clients by their client id; the
/// rejection callback writes the Retry-After header and reports the rejection. The portal's API routes
/// carry the patient's NHS number (<c>/api/patients/{nhsNumber}/appointments</c>).
/// </summary>
public sealed class PortalRateLimiting(ILogger<PortalRateLimiting> logger, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, AbuseOptions options)
{
    private readonly Counter<long> _rejections = meter.CreateCounter<long>("portal.ratelimit.rejections", "{request}");

    public void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = 429;
        limiter.AddPolicy("per-patient", request => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(request),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window }));
        limiter.AddPolicy("integration", request => RateLimitPartition.GetTokenBucketLimiter(ClientPartition(request),
            _ => new TokenBucketRateLimiterOptions { TokenLimit = 600, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1) }));
        limiter.OnRejected = OnRejectedAsync;
    }

    internal static string PartitionKey(EdgeRequest request) =>
        request.User.IsAuthenticated ? $"patient:{request.User.SubjectId}" : $"ip:{request.RemoteIpAddress}";

    internal static string ClientPartition(EdgeRequest request) =>
        request.Headers.TryGetValue("X-Client-Id", out var clientId) ? $"client:{clientId}" : "client:unknown";

    private ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext;
        var partition = request.Headers.ContainsKey("X-Client-Id") ? ClientPartition(request) : PartitionKey(request);
        var kind = partition[..partition.IndexOf(':')];
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
        context.Response.Headers[RateLimitHeaders.RetryAfter] = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

        var policy = kind == "client" ? "integration" : "per-patient";
        var span = Activity.Current.EnrichPortalguardThrottle(policy)
            .SetPortalguardPartitionKind(kind) // clean precision-about
            .SetPortalguardOutcome("throttled")
            .SetPortalguardRetryAfter(retryAfter.TotalSeconds);
        if (request.User.IsAuthenticated)
        {
            span.SetPortalguardSubjectId(pseudonymizer.PseudonymizePortalguardSubjectId(request.User.SubjectId!)); // clean precision-pseudonym
        }

        logger.LogWarning("Rate limit hit for partition {Partition} on {Method} {Route}", partition, request.Method, request.RouteTemplate); // leak TC1001 strings
        logger.LogInformation("Rejected request from {UserAgent} after {RetryAfter}s", request.UserAgent, retryAfter.TotalSeconds); // clean precision-names
        Activity.Current?.SetTag("url.path", request.Path); // leak TC1001 direct
        Activity.Current?.SetTag("http.route", request.RouteTemplate); // clean precision-names
        _rejections.Add(1, new KeyValuePair<string, object?>("policy", policy), new("partition.kind", kind)); // clean precision-about

        if (request.RemoteIpAddress is { } address)
        {
            Activity.Current?.SetTag("client.network", IpNetwork.Of(address, 16).ToString()); // clean precision-about
            _rejections.Add(1, new KeyValuePair<string, object?>("client.address", address.ToString())); // leak TC1003 direct
            var shard = HMACSHA256.HashData(secrets.ShardKey, address.GetAddressBytes())[0] % 32;
            Activity.Current?.SetTag("ratelimit.ip_shard", shard); // clean hashes
        }

        logger.LogPortalguardRequestBlockedEvent("per-patient", "throttled", portalguardNote: $"partition {partition} exhausted, retry in {retryAfter.TotalSeconds}s"); // leak TC1001 generated-api
        return ValueTask.CompletedTask;
    }

    /// <summary>Lets operations see which partitions are close to their limit.</summary>
    public void ReportPressure(PartitionedRateLimiter<EdgeRequest> limiter, IEnumerable<EdgeRequest> recent)
    {
        foreach (var request in recent.Take(20))
        {
            var stats = limiter.GetStatistics(request);
            if (stats is null || stats.CurrentAvailablePermits > 5)
            {
                continue;
            }
            var partition = PartitionKey(request);
            logger.LogDebug("Partition {Partition} has {Available} permits left, {Failed} rejected", partition, stats.CurrentAvailablePermits, stats.TotalFailedLeases); // leak TC1001 strings
            Activity.Current?.AddEvent(new ActivityEvent("ratelimit.pressure", tags: new ActivityTagsCollection { ["permits.available"] = stats.CurrentAvailablePermits, ["partition.kind"] = partition.Split(':')[0] })); // clean precision-about
        }
    }

    /// <summary>The practices' integration clients: each practice system has its own client id.</summary>
    public void ReportIntegrationRejection(EdgeRequest request)
    {
        var partition = ClientPartition(request);
        logger.LogWarning("Integration client {Partition} throttled on {Route}", partition, request.RouteTemplate); // clean precision-names
        Activity.Current?.SetTag("ratelimit.partition", partition); // clean precision-names
    }
}
