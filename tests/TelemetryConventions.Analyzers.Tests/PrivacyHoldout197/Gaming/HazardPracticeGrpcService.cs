namespace PrivacyHoldout197.Gaming;

public sealed record SubmitClipRequest(string PlayerId, string Gamertag, string ClipId, int[] ClickFrames, int Score);

public sealed record SubmitClipReply(string ClipId, int Score, bool PassPace);

public sealed record MockTestRequest(string PlayerId, string PaperId, int Correct, int Questions, int HazardScore, string LinkedLicenceNumber);

public sealed record LeaderboardEntry(string Gamertag, int BestScore, int Rank);

/// <summary>A theory test practice game: hazard perception clips and mock tests played by learners, over gRPC.</summary>
public sealed partial class HazardPracticeGrpcService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<HazardPracticeGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Practice.HazardGame");
    private static readonly Meter GameMeter = new("Practice.HazardGame");
    private static readonly Counter<long> Clips = GameMeter.CreateCounter<long>("hazard.clips_played");
    private static readonly Histogram<int> Scores = GameMeter.CreateHistogram<int>("hazard.clip_score");

    public Task<SubmitClipReply> SubmitClip(SubmitClipRequest request, ServerCallContext context)
    {
        using var span = Source.StartHazardplayOperation("eu-west");
        var player = pseudonymizer.PseudonymizeHazardplayCandidateId(request.PlayerId);
        span.SetHazardplayCandidateId(player); // clean generated-api
        span.SetHazardplayAttempts(request.ClickFrames.Length); // clean generated-api
        span.SetHazardplayOutcome(request.Score >= 3 ? "scored" : "missed"); // clean generated-api
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("client.address", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("hazard.clip_id", request.ClipId); // clean precision-names
        Activity.Current?.SetTag("hazard.clicks", request.ClickFrames.Length); // clean precision-about
        Activity.Current?.SetTag("hazard.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("hazard.player", player); // clean precision-pseudonym
        Activity.Current?.SetTag("hazard.gamertag_length", request.Gamertag.Length); // clean precision-about
        Clips.Add(1, new KeyValuePair<string, object?>("clip", request.ClipId)); // clean precision-names
        Clips.Add(1, new KeyValuePair<string, object?>("player", player)); // leak TC1003 precision-pseudonym
        Scores.Record(request.Score, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        meter.CreateHazardplayOperationsCounter().Add(1, "eu-west", "scored"); // clean generated-api
        meter.CreateHazardplayOperationDurationHistogram().Record(0.02, "eu-west"); // clean generated-api
        Log.ClipScored(logger, request.Gamertag, request.ClipId, request.Score); // clean logging-objects
        Log.ClipScoredForPlayer(logger, request.PlayerId, request.Score); // leak TC1001 direct
        logger.LogDebug("Clip submitted {@Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Clip submitted {@Request}", new { request.ClipId, request.Score, Clicks = request.ClickFrames.Length }); // clean logging-objects
        return Task.FromResult(new SubmitClipReply(request.ClipId, request.Score, request.Score >= 3));
    }

    public Task<MockScore> SubmitMockTest(MockTestRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("mock.submit");
        var score = new MockScore(request.PaperId, request.Correct, request.Questions, request.HazardScore, request.Correct >= 43 && request.HazardScore >= 44);
        activity?.SetTag("mock.paper", request.PaperId); // clean precision-names
        activity?.SetTag("mock.correct", request.Correct); // clean precision-about
        activity?.SetTag("mock.licence_linked", !string.IsNullOrEmpty(request.LinkedLicenceNumber)); // clean precision-about
        activity?.SetTag("mock.player_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.PlayerId))[0] & 31); // clean hashes
        activity?.SetTag("mock.player_hash", request.PlayerId.GetHashCode()); // leak TC1002 hashes
        logger.LogInformation("Mock test scored {Score}", score); // clean logging-objects
        if (string.IsNullOrEmpty(request.PaperId))
        {
            var error = new RpcException("InvalidArgument", $"Player {request.PlayerId} sent no paper");
            activity?.AddException(error); // leak TC1001 exceptions
            logger.LogWarning("Rejected mock test: {Status}", error.Status); // clean exceptions
            throw error;
        }

        logger.LogInformation("Mock test linked to licence {Licence}", request.LinkedLicenceNumber); // leak TC1001 direct
        return Task.FromResult(score);
    }

    public Task<LeaderboardEntry[]> Leaderboard(int top, ServerCallContext context)
    {
        using var activity = Source.StartActivity("leaderboard.read");
        var board = new[] { new LeaderboardEntry("apex_learner", 71, 1) };
        activity?.SetTag("leaderboard.size", board.Length); // clean precision-about
        activity?.SetTag("leaderboard.top_score", board.Max(e => e.BestScore)); // clean precision-about
        activity?.SetTag("leaderboard.top", string.Join(";", board.Select(e => e.Gamertag))); // leak TC1001 strings
        logger.LogInformation("Leaderboard served {@Top}", board[0]); // leak TC1001 logging-objects
        logger.LogInformation("Leaderboard served to {Peer}", context.Peer); // leak TC1001 direct
        return Task.FromResult(board);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Clip {ClipId} scored {Score} by {Gamertag}")]
        public static partial void ClipScored(ILogger logger, [PrivateData] string gamertag, string clipId, int score);

        [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Player {PlayerId} scored {Score}")]
        public static partial void ClipScoredForPlayer(ILogger logger, string playerId, int score);
    }
}
