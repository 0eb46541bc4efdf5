namespace PrivacyHoldout105.Gaming;

public sealed record ClientEvent(string Name, string Schema, string? MatchId, int Kills, Dictionary<string, string> Props);

public sealed record ClientEventBatch(Guid PlayerId, string Gamertag, string DeviceId, string Build, string Platform, string Region, string SessionId, int SessionIndex, List<ClientEvent> Events);

public sealed record Ack(int Accepted);

/// <summary>
/// The game client's telemetry ingestion (a gRPC service): the client flushes gameplay events (match ends, store
/// views, player reports) every minute. Events go to the gameplay stream; quotas are per player.
/// </summary>
public sealed class GameplayEventCollector(
    IEventStream stream,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<GameplayEventCollector> logger)
{
    private const int QuotaPerMinute = 600;

    private static readonly Dictionary<string, string> CurrentSchemas = new()
    {
        ["match_end"] = "iglu:com.example.game/match_end/jsonschema/3-0-0",
        ["store_view"] = "iglu:com.example.game/store_view/jsonschema/1-2-0",
        ["player_report"] = "iglu:com.example.game/player_report/jsonschema/1-0-0",
    };

    private readonly Counter<int> _batches = meter.CreateCounter<int>("game.telemetry.batches", "{batch}");

    public async Task<Ack> Submit(ClientEventBatch request, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("client.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("game.player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("game.build", request.Build); // clean precision-about
        activity?.SetTag("game.device.class", request.DeviceId[..4]); // clean precision-about
        var span = activity.EnrichGameclickCollect("client_batch").SetGameclickPlayerId(pseudonymizer.PseudonymizeGameclickPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        span.SetGameclickSessionId(request.SessionId); // clean precision-names
        logger.LogInformation("Batch from {Gamertag} with {Count} events", request.Gamertag, request.Events.Count); // leak TC1001 direct
        logger.LogDebug("Batch from device {DeviceId}", request.DeviceId); // leak TC1001 direct
        logger.LogDebug("Session {SessionId} index {Index}", request.SessionId, request.SessionIndex); // clean precision-names
        _batches.Add(1, new KeyValuePair<string, object?>("platform", request.Platform), new KeyValuePair<string, object?>("region", request.Region)); // clean precision-about
        _batches.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct

        if (request.Events.Count > QuotaPerMinute)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"quota exceeded for {request.PlayerId}"); // leak TC1001 strings
            activity?.SetStatus(ActivityStatusCode.Error, "quota exceeded"); // clean strings
            throw new RpcException("ResourceExhausted", "Too many events in one flush");
        }

        var accepted = 0;
        foreach (var ev in request.Events)
        {
            if (CurrentSchemas.TryGetValue(ev.Name, out var current) && current != ev.Schema)
            {
                logger.LogGameclickEventRejectedEvent(ev.Name, "schema_mismatch", gameclickSchema: ev.Schema, gameclickNote: $"client build {request.Build}, current {current}"); // clean generated-api
                logger.LogGameclickEventRejectedEvent(ev.Name, "schema_mismatch", gameclickNote: $"{request.Gamertag} on {request.Build}"); // leak TC1001 generated-api
                continue;
            }

            if (ev.Name == "match_end")
            {
                activity?.AddEvent(new ActivityEvent("match.end", tags: new ActivityTagsCollection { ["match"] = ev.MatchId, ["kills"] = ev.Kills })); // clean precision-names
            }
            else if (ev.Name == "player_report")
            {
                logger.LogWarning("Player report in match {MatchId} against {Reported}", ev.MatchId, ev.Props["reported_gamertag"]); // leak TC1001 cross-member
                logger.LogWarning("Player report in match {MatchId}, category {Category}", ev.MatchId, ev.Props.GetValueOrDefault("category")); // clean precision-about
            }
            accepted++;
        }

        await stream.PutAsync("gameplay", request.PlayerId.ToString(), JsonSerializer.SerializeToUtf8Bytes(request), context.CancellationToken);
        meter.CreateGameclickEventsCounter().Add(accepted, "client_batch", gameclickOutcome: "accepted"); // clean generated-api
        return new Ack(accepted);
    }
}
