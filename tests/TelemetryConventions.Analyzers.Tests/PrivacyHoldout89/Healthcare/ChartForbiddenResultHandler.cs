namespace PrivacyHoldout89.Healthcare;

/// <summary>
/// Replaces the default 403 of the authorization middleware on the EPR API with problem details that
/// point the clinician at break-glass, and records why the policy failed.
/// </summary>
public sealed class ChartForbiddenResultHandler(ILogger<ChartForbiddenResultHandler> logger, Meter meter) : IAuthorizationMiddlewareResultHandler
{
    private readonly Counter<long> _forbidden = meter.CreateCounter<long>("clinicauthz.forbidden", "{response}");

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }
        if (authorizeResult.Challenged)
        {
            context.Response.StatusCode = 401;
            return;
        }

        var failure = authorizeResult.AuthorizationFailure;
        var activity = Activity.Current;
        activity?.SetTag("authz.failed_requirements", string.Join(";", failure?.FailedRequirements.Select(r => r.ToString()) ?? Array.Empty<string>())); // clean precision-names
        activity?.SetTag("authz.failure_reasons", string.Join(";", failure?.FailureReasons.Select(r => r.Message) ?? Array.Empty<string>())); // leak TC1001 strings
        activity?.SetTag("authz.failure_handlers", string.Join(";", failure?.FailureReasons.Select(r => r.Handler.GetType().Name) ?? Array.Empty<string>())); // clean precision-names
        activity?.SetTag("authz.fail_called", failure?.FailCalled ?? false); // clean precision-about
        activity?.SetTag("authz.schemes", string.Join(",", policy.AuthenticationSchemes)); // clean precision-names

        var hospitalNumber = context.Request.RouteValues.GetValueOrDefault("hospitalNumber");
        activity?.SetTag("epr.route.patient", hospitalNumber); // leak TC1001 direct
        logger.LogWarning("403 {Method} {Path}", context.Request.Method, context.Request.Path); // leak TC1001 strings
        _forbidden.Add(1, new KeyValuePair<string, object?>("requirements", policy.Requirements.Count), new KeyValuePair<string, object?>("method", context.Request.Method)); // clean precision-about

        var problem = new ProblemDetails
        {
            Type = "https://epr.example.nhs.uk/problems/no-legitimate-relationship",
            Title = "You have no legitimate relationship with this patient",
            Status = 403,
            Detail = $"Patient {hospitalNumber} is not on your caseload. Use break-glass if this is an emergency.",
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = context.TraceIdentifier;
        problem.Extensions["breakGlass"] = $"/patients/{hospitalNumber}/break-glass";
        logger.LogDebug("Problem {Type} {Status} for trace {TraceId}", problem.Type, problem.Status, context.TraceIdentifier); // clean precision-names
        logger.LogDebug("Problem sent: {Detail}", problem.Detail); // leak TC1001 strings
        context.Response.StatusCode = 403;
        await context.Response.WriteAsJsonAsync(problem, context.RequestAborted);
    }
}

/// <summary>
/// Caches who is on which patient's care team, so that every chart read does not call the PAS.
/// Entries are keyed by clinician and patient.
/// </summary>
public sealed class CareTeamCache(IMemoryCache cache, ICareTeamDirectory directory, TelemetrySecrets secrets, ActivitySource source, Meter meter, ILogger<CareTeamCache> logger)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private string? _lastMissKey;

    public async Task<bool> IsOnEpisodeAsync(string staffNumber, string hospitalNumber, CancellationToken cancellationToken)
    {
        var key = $"episode:{staffNumber}:{hospitalNumber}";
        var started = Stopwatch.GetTimestamp();
        var hit = cache.TryGetValue<bool>(key, out var onEpisode);
        using var check = source.StartClinicauthzRelationCheck("care_team", "chart");
        check.SetClinicauthzCacheResult(hit ? "hit" : "miss"); // clean precision-about
        if (!hit)
        {
            _lastMissKey = key;
            onEpisode = await directory.IsOnEpisodeAsync(staffNumber, hospitalNumber, cancellationToken);
            cache.Set(key, onEpisode, Ttl);
            logger.LogDebug("Care-team cache miss for {CacheKey}", key); // leak TC1001 strings
        }
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber))[0] % 16;
        check.SetClinicauthzDecision(onEpisode ? "allow" : "deny");
        Activity.Current?.SetTag("clinicauthz.cache.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(staffNumber + "|" + hospitalNumber)))[..16];
        Activity.Current?.SetTag("clinicauthz.cache.entry", digest); // leak TC1002 hashes
        meter.CreateClinicauthzCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, clinicauthzResourceType: "chart", clinicauthzCacheResult: hit ? "hit" : "miss"); // clean precision-about
        return onEpisode;
    }

    public void ReportStatistics()
    {
        var stats = cache.GetCurrentStatistics();
        logger.LogInformation("Care-team cache: {Stats}", stats); // clean logging-objects
        logger.LogInformation("Care-team cache: last miss {Key}", _lastMissKey); // leak TC1001 cross-member
    }
}
