namespace PrivacyHoldout104.Gaming;

/// <summary>
/// PlayStack's game API: a game client presents its session token; the <c>title</c> claim resolves the
/// studio's title (the tenant), <c>sub</c> is the player's account id and <c>gamertag</c> their handle.
/// The title's settings carry its limits (concurrent sessions, matchmaking regions).
/// </summary>
public sealed class TitleTenantResolver(
    IMultiTenantStore<TenantInfo> titles,
    ITenantSettingsStore settings,
    IPartitionedRateLimiter limiter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TitleTenantResolver> logger)
{
    private static readonly ActivitySource Source = new("PlayStack.Api");
    private static readonly Meter Meter = new("PlayStack.Api");
    private static readonly PlaystackResolutionDurationHistogram Resolution = Meter.CreatePlaystackResolutionDurationHistogram();
    private static readonly Counter<long> Sessions = Meter.CreateCounter<long>("playstack.sessions.started");

    private readonly ClaimStrategy _strategy = new("title");

    public async Task<TenantInfo?> ResolveAsync(TenantRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var titleId = await _strategy.GetIdentifierAsync(request);
        var title = titleId is null ? null : await titles.TryGetByIdentifierAsync(titleId);
        Resolution.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _strategy.Name, title is null ? "unknown_tenant" : "resolved"); // clean generated-api

        var playerId = request.User.FindFirst("sub")?.Value ?? string.Empty;
        var gamertag = request.User.FindFirst("gamertag")?.Value ?? string.Empty;
        if (title is null)
        {
            var notFound = new TenantNotFoundException(titleId ?? "-", _strategy.Name);
            logger.LogWarning(notFound, "Session token without a known title"); // clean exceptions
            logger.LogWarning("Rejected token of {Gamertag} for title {TitleId}", gamertag, titleId); // leak TC1001 direct
            return null;
        }

        using var span = Source.StartPlaystackTenantRequest(title.Id, _strategy.Name);
        span.SetPlaystackTenantPlan(title.Plan).SetPlaystackUserId(pseudonymizer.PseudonymizePlaystackUserId(playerId)); // clean precision-pseudonym
        span.Activity?.SetTag("playstack.player.gamertag", gamertag); // leak TC1001 direct
        span.Activity?.SetTag("playstack.player.gamertag_initial", gamertag.Length > 0 ? gamertag[..1] : ""); // clean precision-about
        span.Activity?.SetTag("playstack.claims", string.Join(";", request.User.Claims.Select(c => $"{c.Type}={c.Value}"))); // leak TC1001 strings
        span.Activity?.SetTag("playstack.claim_types", string.Join(",", request.User.Claims.Select(c => c.Type))); // clean precision-names

        logger.LogDebug("Session for player {PlayerId} on {Title}", playerId, title.Name); // leak TC1001 direct
        var titleSettings = await settings.GetAsync(title.Id);
        var maxSessions = int.Parse(titleSettings["sessions.max_concurrent"] ?? "10000", CultureInfo.InvariantCulture);
        span.Activity?.SetTag("playstack.sessions.max_concurrent", maxSessions); // clean precision-names
        span.Activity?.SetTag("playstack.matchmaking.regions", titleSettings["matchmaking.regions"]); // clean precision-names

        var lease = limiter.AttemptAcquire($"{title.Id}:{playerId}");
        if (!lease.IsAcquired)
        {
            span.SetPlaystackOutcome("throttled").SetPlaystackNote($"player {playerId} throttled on {title.Id}"); // leak TC1001 generated-api
            logger.LogPlaystackTenantDeniedEvent(title.Id, "throttled", pseudonymizer.PseudonymizePlaystackPlayerId(playerId)); // clean generated-api
            return null;
        }

        var cohort = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(playerId)))[..2];
        Sessions.Add(1, new KeyValuePair<string, object?>("playstack.tenant.id", title.Id), new KeyValuePair<string, object?>("cohort", cohort)); // leak TC1003 hashes
        var abBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(playerId))[0] % 2 == 0 ? "a" : "b";
        Sessions.Add(1, new KeyValuePair<string, object?>("playstack.tenant.id", title.Id), new KeyValuePair<string, object?>("experiment.arm", abBucket)); // clean hashes
        return title;
    }
}
