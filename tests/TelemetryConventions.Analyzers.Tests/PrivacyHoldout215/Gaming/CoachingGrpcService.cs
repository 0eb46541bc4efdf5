namespace PrivacyHoldout215.Gaming;

public sealed record BookCoachingRequest(string PlayerId, string Gamertag, string CoachId, string Title, int Minutes, string Rank);

public sealed record BookCoachingReply(string SessionId, DateTimeOffset StartsAt);

/// <summary>The publisher's coaching marketplace: players book paid sessions with coaches over gRPC.</summary>
public sealed partial class CoachingGrpcService(
    IMarketplaceStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CoachingGrpcService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Gaming.Coaching");

    private readonly Counter<long> _sessions = meter.CreateCounter<long>("coaching.sessions.booked");
    private string _lastGamertag = string.Empty;
    private int _bookedToday;

    public async Task<BookCoachingReply> BookSession(BookCoachingRequest request, ServerCallContext context)
    {
        var player = pseudonymizer.PseudonymizeLevelupClientId(request.PlayerId);
        using var span = Source.StartLevelupOperation(request.Title);
        span.SetLevelupClientId(player); // clean generated-api
        span.SetLevelupMinutes(request.Minutes); // clean generated-api
        span.SetLevelupOutcome("booked"); // clean generated-api
        span.SetLevelupNote($"coach {request.CoachId} booked by {request.Gamertag}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("player.rank", request.Rank); // clean precision-about
        activity?.SetTag("coach.pseudonym", pseudonymizer.Pseudonymize("coach", request.CoachId)); // clean precision-pseudonym
        activity?.SetTag("title.id", request.Title); // clean precision-names
        activity?.SetTag("player.gamertag_length", request.Gamertag.Length); // clean precision-about

        var coach = await store.FindTutorAsync(request.CoachId, context.CancellationToken);
        if (coach is null)
        {
            var notFound = new RpcException("NotFound", $"Coach {request.CoachId} not found");
            activity?.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
            throw notFound;
        }

        if (request.Minutes > 180)
        {
            var tooLong = new RpcException("InvalidArgument", $"Sessions are at most 180 minutes, asked for {request.Minutes}");
            activity?.SetStatus(ActivityStatusCode.Error, tooLong.Message); // clean exceptions
            throw tooLong;
        }

        _lastGamertag = request.Gamertag;
        _bookedToday++;
        var session = new CoachingSession(Guid.NewGuid().ToString("N"), request.PlayerId, request.Gamertag, coach.TutorId, coach.FullName, request.Title, request.Minutes, request.Rank);
        activity?.SetTag("session.id", session.SessionId); // clean precision-names
        logger.LogInformation("Session booked {@Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Session booked {Session}", session with { PlayerId = "", Gamertag = "", CoachGamertag = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Session {SessionId} on {Title} for {Minutes} minutes at rank {Rank}", session.SessionId, session.Title, session.Minutes, session.Rank); // clean precision-names
        logger.LogInformation("Coach rating {Rating}, player count today {PlayerCount}", coach.AverageRating, _bookedToday); // clean precision-names

        _sessions.Add(1, new KeyValuePair<string, object?>("title", request.Title), new KeyValuePair<string, object?>("rank", request.Rank)); // clean precision-names
        _sessions.Add(1, new KeyValuePair<string, object?>("player", player)); // leak TC1003 precision-pseudonym
        meter.CreateLevelupOperationsCounter().Add(1, request.Title, "booked"); // clean generated-api
        meter.CreateLevelupOperationDurationHistogram().Record(0.4, request.Title); // clean generated-api

        var bucket = (uint)request.PlayerId.GetHashCode() % 32;
        activity?.SetTag("player.bucket", bucket); // leak TC1002 hashes
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.PlayerId))[0] % 32;
        activity?.SetTag("player.cohort", cohort); // clean hashes
        var sha = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(request.Gamertag)));
        Baggage.SetBaggage("player.tag_hash", sha); // leak TC1002 hashes
        Baggage.SetBaggage("coaching.title", request.Title); // clean precision-names
        return new BookCoachingReply(session.SessionId, DateTimeOffset.UtcNow.AddDays(1));
    }

    public void ReportLastBooking()
    {
        Activity.Current?.AddEvent(new ActivityEvent("coaching.last", tags: new ActivityTagsCollection { ["gamertag"] = _lastGamertag })); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("coaching.count", tags: new ActivityTagsCollection { ["booked"] = _bookedToday })); // clean cross-member
    }

    public void Reject(BookCoachingRequest request, string reason)
    {
        LogRejected(logger, request.PlayerId, reason); // clean logging-objects
        LogRejectedTag(logger, request.Gamertag, reason); // leak TC1001 logging-objects
        logger.LogLevelupOperationFailedEvent(request.Title, "rejected", pseudonymizer.PseudonymizeLevelupClientId(request.PlayerId), reason); // clean generated-api
        logger.LogLevelupOperationFailedEvent(request.Title, "rejected", Pseudonym.FromComputed(request.PlayerId), reason); // leak TC1001 generated-api
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Coaching request from {PlayerId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, [PrivateData] string playerId, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Coaching request from {Gamertag} rejected: {Reason}")]
    private static partial void LogRejectedTag(ILogger logger, string gamertag, string reason);
}
