namespace PrivacyHoldout216.Gaming;

public sealed class RideCompletedRequest
{
    public string RiderId { get; set; } = string.Empty;

    public string Gamertag { get; set; } = string.Empty;

    public string TripId { get; set; } = string.Empty;

    public string QuestId { get; set; } = string.Empty;

    public string ZoneId { get; set; } = string.Empty;

    public double EndLatitude { get; set; }

    public double EndLongitude { get; set; }

    public int Minutes { get; set; }
}

public sealed class RideCompletedReply
{
    public int PointsAwarded { get; set; }
}

public sealed record LeaderboardEntry(string RiderId, string Gamertag, int Points, int Rank);

public sealed record QuestProgress(string QuestId, string ZoneId, int RidesDone, int RidesNeeded);

/// <summary>A publisher's ride-to-play rewards: hire trips complete quests in the city game, over gRPC.</summary>
public sealed partial class RideQuestGrpcService(IRiderStore riders, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<RideQuestGrpcService> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Gaming.RideQuests");
    private static readonly Meter Meter = new("PrivacyHoldout216.Gaming.RideQuests");
    private static readonly Counter<long> Points = Meter.CreateCounter<long>("ride_quest.points");

    private static void TagRider(Activity? activity, string key, string value) => activity?.SetTag(key, value);

    public async Task<RideCompletedReply> RideCompleted(RideCompletedRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("ride_quest.ride_completed");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("quest.id", request.QuestId); // clean precision-names
        activity?.SetTag("quest.zone", request.ZoneId); // clean precision-about
        activity?.SetTag("player.email", context.RequestHeaders.TryGetValue("x-rider-email", out var email) ? email : null); // leak TC1001 direct
        activity?.SetTag("ride.trip_id", request.TripId); // clean precision-names
        activity?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("ride.end", $"{request.EndLatitude:F6},{request.EndLongitude:F6}"); // leak TC1001 strings
        activity?.SetTag("ride.end_zone_only", request.ZoneId.Length > 0); // clean precision-about
        TagRider(activity, "player.rider_id", request.RiderId); // leak TC1001 direct
        logger.LogInformation("Ride completed for quest {QuestId} in {ZoneId}", request.QuestId, request.ZoneId); // clean precision-names
        logger.LogInformation("Ride completed by {Gamertag}", request.Gamertag); // leak TC1001 direct

        var rider = await riders.FindAsync(request.RiderId, context.CancellationToken);
        if (rider is null)
        {
            var rpc = new RpcException("NOT_FOUND", $"rider {request.RiderId} has no account");
            activity?.AddException(rpc); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "rider not found"); // clean exceptions
            throw rpc;
        }

        var points = Math.Min(request.Minutes * 10, 500);
        var player = pseudonymizer.Pseudonymize(RideDomains.Rider, rider.RiderId);
        activity?.SetTag("player", player.ToString()); // clean precision-pseudonym
        Points.Add(points, new KeyValuePair<string, object?>("quest.zone", request.ZoneId)); // clean precision-about
        Points.Add(points, new KeyValuePair<string, object?>("player", player.Value)); // leak TC1003 precision-pseudonym
        Points.Add(points, new KeyValuePair<string, object?>("player.tier", rider.Tier)); // clean precision-names

        var progress = new QuestProgress(request.QuestId, request.ZoneId, 3, 5);
        logger.LogInformation("Progress {@Progress}", progress); // clean logging-objects
        logger.LogInformation("Account {Account}", new RiderAccountSummary(rider.Tier, 12, true, "city-ride")); // clean logging-objects
        logger.LogInformation("Rider {Rider}", rider); // leak TC1001 logging-objects

        using var span = Source.StartQuestrideOperation(request.ZoneId);
        span.SetQuestrideClientId(player); // clean generated-api
        span.SetQuestrideMinutes(request.Minutes); // clean generated-api
        span.SetQuestrideNote(request.Gamertag); // leak TC1001 generated-api
        span.SetQuestrideNote($"quest {request.QuestId}: {points} points"); // clean generated-api
        span.SetQuestrideNote(string.Join(" ", "rider", request.RiderId, "quest", request.QuestId)); // leak TC1001 strings
        Meter.CreateQuestrideOperationsCounter().Add(1, request.ZoneId, "ok"); // clean generated-api

        var seed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.RiderId));
        activity?.SetTag("quest.cohort", seed[0] % 8); // clean hashes
        activity?.SetTag("player.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Gamertag)))); // leak TC1002 hashes
        return new RideCompletedReply { PointsAwarded = points };
    }

    public Task<RideCompletedReply> PublishLeaderboard(IReadOnlyList<LeaderboardEntry> entries, ServerCallContext context)
    {
        using var activity = Source.StartActivity("ride_quest.leaderboard");
        activity?.SetTag("leaderboard.size", entries.Count); // clean precision-about
        activity?.SetTag("leaderboard.first_rider", entries.FirstOrDefault()?.RiderId); // leak TC1001 direct
        logger.LogInformation("Leaderboard {Entries}", entries); // leak TC1001 logging-objects
        var cacheKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(entries.Select(e => e.RiderId)))));
        activity?.SetTag("leaderboard.cache_key", cacheKey); // leak TC1002 hashes
        activity?.SetTag("leaderboard.top", string.Join(",", entries.Take(3).Select(e => e.Gamertag))); // leak TC1001 strings
        activity?.SetTag("leaderboard.top_points", string.Join(",", entries.Take(3).Select(e => e.Points))); // clean strings
        foreach (var entry in entries.Take(3))
        {
            logger.LogInformation("Leader {@Entry}", entry); // leak TC1001 logging-objects
            logger.LogInformation("Rank {Rank} with {Points} points", entry.Rank, entry.Points); // clean logging-objects
            LogLeader(logger, entry.Gamertag, entry.Rank); // clean logging-objects
        }

        return Task.FromResult(new RideCompletedReply());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Leader {Gamertag} at rank {Rank}")]
    private static partial void LogLeader(ILogger logger, [PrivateData] string gamertag, int rank);
}
