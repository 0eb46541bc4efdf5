namespace PrivacyHoldout217.Gaming;

public sealed record PlaySessionRequest(string ResidentId, string GameId, string FamilyGamertag, int Minutes, string HomeId);

public sealed record PlaySessionReply(string SessionId, int Score);

public sealed record PlayHighlight(string SessionId, string GameId, int Score, int Level);

/// <summary>A games studio's gRPC service for reminiscence games played by residents with their families.</summary>
public sealed partial class ReminiscencePlayService(CareRecords records, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<ReminiscencePlayService> logger)
{
    private readonly Counter<long> _sessions = meter.CreateCounter<long>("reminiscence.sessions");
    private readonly Histogram<int> _scores = meter.CreateHistogram<int>("reminiscence.score");

    public Task<PlaySessionReply> StartSession(PlaySessionRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = source.StartActivity("reminiscence.start");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("game.id", request.GameId); // clean precision-names
        activity?.SetTag("game.minutes", request.Minutes); // clean precision-about
        activity?.SetTag("game.family.gamertag", request.FamilyGamertag); // leak TC1001 direct
        activity?.SetTag("game.family.gamertag_length", request.FamilyGamertag.Length); // clean precision-about
        activity?.SetTag("game.resident", ResidentTag(request)); // leak TC1001 direct
        _sessions.Add(1, new KeyValuePair<string, object?>("game", request.GameId), new KeyValuePair<string, object?>("home", request.HomeId)); // clean precision-names
        _sessions.Add(1, new KeyValuePair<string, object?>("gamertag", request.FamilyGamertag)); // leak TC1003 direct
        logger.LogInformation("Session request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Session request for game {GameId} lasting {Minutes}", request.GameId, request.Minutes); // clean precision-names
        logger.LogInformation("Session request {Request}", request with { FamilyGamertag = "hidden" }); // leak TC1001 logging-objects
        if (!context.RequestHeaders.ContainsKey("x-home"))
        {
            var rpc = new RpcException("InvalidArgument", $"resident {request.ResidentId} has no home header");
            activity?.SetStatus(ActivityStatusCode.Error, rpc.Message); // leak TC1001 exceptions
            throw rpc;
        }

        var client = pseudonymizer.PseudonymizeMemorylaneClientId(request.ResidentId);
        using var span = source.StartMemorylaneOperation(request.HomeId); // clean generated-api
        span.SetMemorylaneClientId(client); // clean generated-api
        span.SetMemorylaneMinutes(request.Minutes); // clean generated-api
        span.SetMemorylaneMode("video"); // clean generated-api
        span.SetMemorylaneNote(request.FamilyGamertag); // leak TC1001 generated-api
        meter.CreateMemorylaneOperationsCounter().Add(1, request.HomeId, "started"); // clean generated-api
        meter.CreateMemorylaneOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.HomeId); // clean generated-api
        meter.CreateCounter<long>("reminiscence.players").Add(1, new KeyValuePair<string, object?>("player", client.Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Player {Player} joined", client); // clean precision-pseudonym
        var sessionId = Guid.NewGuid().ToString("N");
        return Task.FromResult(new PlaySessionReply(sessionId, 0));
    }

    public Task<PlaySessionReply> FinishSession(PlayHighlight highlight, string residentId, ServerCallContext context)
    {
        using var activity = source.StartActivity("reminiscence.finish");
        activity?.SetTag("game.session.id", highlight.SessionId); // clean precision-names
        activity?.SetTag("game.score", highlight.Score); // clean precision-about
        _scores.Record(highlight.Score, new KeyValuePair<string, object?>("game", highlight.GameId)); // clean precision-names
        logger.LogInformation("Highlight {@Highlight}", highlight); // clean logging-objects
        logger.LogInformation("Highlight {Highlight}", highlight with { Score = 0 }); // clean logging-objects
        var resident = records.FindResident(residentId);
        var caption = $"{resident.FullName} reached level {highlight.Level}!";
        activity?.AddEvent(new ActivityEvent("highlight.shared", tags: new ActivityTagsCollection { ["caption"] = caption })); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("highlight.level", tags: new ActivityTagsCollection { ["level"] = highlight.Level })); // clean precision-about
        LogHighlightShared(logger, resident.FullName, highlight.SessionId); // clean precision-names
        LogLeaderboard(logger, resident.FullName, highlight.Score); // leak TC1001 direct
        var leaderboardKey = resident.FullName.ToUpperInvariant().GetHashCode();
        activity?.SetTag("game.leaderboard.key", leaderboardKey); // leak TC1002 hashes
        using var hmac = new HMACSHA256(new byte[32]);
        activity?.SetTag("game.leaderboard.shard", hmac.ComputeHash(Encoding.UTF8.GetBytes(residentId))[0] % 16); // clean hashes
        activity?.SetTag("game.player_count", 2); // clean precision-names
        return Task.FromResult(new PlaySessionReply(highlight.SessionId, highlight.Score));
    }

    private static string ResidentTag(PlaySessionRequest request) => request.ResidentId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Highlight {SessionId} shared for {ResidentName}")]
    private static partial void LogHighlightShared(ILogger logger, [PrivateData] string residentName, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leaderboard: {ResidentName} scored {Score}")]
    private static partial void LogLeaderboard(ILogger logger, string residentName, int score);
}
