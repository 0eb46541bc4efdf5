namespace PrivacyHoldout86.Gaming;

/// <summary>
/// Reads the CDN's real-time edge logs (one JSON object a line) for the player API and the patch
/// downloads and re-emits them as the platform's own telemetry. Player API routes:
/// <c>/v1/players/{playerId}/inventory</c> (a Guid), <c>/v1/friends/search?gamertag=</c>; patches are
/// <c>/patches/{build}/{file}</c>.
/// </summary>
public sealed class EdgeLogIngest(
    ILogger<EdgeLogIngest> logger,
    IConsumer<string, string> consumer,
    Pseudonymizer pseudonymizer,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Arena.EdgeLogs");
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            EdgeLogRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<EdgeLogRecord>(result.Message.Value, Json);
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Edge log at offset {Offset} is not JSON", result.Offset); // clean exceptions
                logger.LogDebug("Unreadable edge log {Payload}", result.Message.Value); // leak TC1001 direct
                continue;
            }

            if (record is null)
            {
                continue;
            }

            Reemit(record);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Reemit(EdgeLogRecord record)
    {
        var route = PathNormalizer.Normalize(record.Uri);
        var durationMs = record.TimeTakenSeconds * 1000;

        using var span = Source.StartPlayaccessRequest(route, record.Method); // clean generated-api
        span.SetPlayaccessStatus(record.Status); // clean generated-api
        span.SetPlayaccessCacheStatus(record.CacheStatus); // clean generated-api
        span.SetPlayaccessDuration(durationMs); // clean generated-api
        span.SetPlayaccessCorrelationId(record.RayId); // clean precision-about
        span.SetPlayaccessClientNetwork(IpMask.Truncate(record.ClientIp)); // clean precision-about
        span.SetPlayaccessNote($"{record.Method} {record.Uri}?{record.QueryString} from {record.ClientIp}"); // leak TC1001 generated-api

        meter.CreatePlayaccessRequestsCounter().Add(1, route, record.Status, playaccessUaFamily: UserAgentFamily.Of(record.UserAgent)); // clean precision-about
        meter.CreatePlayaccessRequestDurationHistogram().Record(durationMs, route, playaccessCacheStatus: record.CacheStatus); // clean generated-api

        logger.LogInformation("Edge {Edge} {Country} {Status} {Route} cache {Cache} ray {RayId}", record.EdgeLocation, record.Country, record.Status, route, record.CacheStatus, record.RayId); // clean precision-about
        logger.LogInformation("Edge log {@Record}", record); // leak TC1001 logging-objects

        var playerMatch = Regex.Match(record.Uri, "^/v1/players/(?<id>[0-9a-fA-F-]{36})/");
        if (playerMatch.Success)
        {
            var playerId = playerMatch.Groups["id"].Value;
            span.SetPlayaccessPlayerId(pseudonymizer.PseudonymizePlayaccessPlayerId(playerId)); // clean precision-pseudonym
            logger.LogPlayaccessSlowRequestEvent(route, durationMs, playaccessPlayerId: pseudonymizer.PseudonymizePlayaccessPlayerId(playerId)); // clean precision-pseudonym
            Activity.Current?.SetTag("arena.edge.player", playerId); // leak TC1001 direct
        }

        if (record.Uri.StartsWith("/v1/friends/search", StringComparison.Ordinal))
        {
            var gamertag = Uri.UnescapeDataString(record.QueryString.Split('=', 2)[^1]);
            Activity.Current?.SetTag("arena.edge.search_length", gamertag.Length); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("friend.search", tags: new ActivityTagsCollection { ["query"] = gamertag })); // leak TC1001 direct
        }

        if (record.Cookie is { Length: > 0 } cookie)
        {
            Activity.Current?.SetTag("arena.edge.cookie_bytes", cookie.Length); // clean precision-about
            logger.LogTrace("Edge cookie {Cookie}", cookie); // leak TC1001 direct
        }

        if (record.Status >= 500)
        {
            using var _ = logger.BeginScope("edge {ClientIp} {Ray}", record.ClientIp, record.RayId); // leak TC1001 direct
            logger.LogError("Origin failed behind edge {Edge}", record.EdgeLocation); // clean precision-about
        }
    }
}
