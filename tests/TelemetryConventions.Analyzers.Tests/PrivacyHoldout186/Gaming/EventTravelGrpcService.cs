namespace PrivacyHoldout186.Gaming;

public sealed record IssueTravelPassRequest(string PlayerId, string Gamertag, string Email, string VenueId, bool Companion, string? CompanionName);

public sealed record IssueTravelPassReply(string PassId, string ShuttleId);

/// <summary>A publisher's gRPC service issuing tournament travel passes (venue shuttles, companion seats).</summary>
public sealed partial class EventTravelGrpcService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<EventTravelGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.EventTravel");
    private static readonly Meter Meter = new("Publisher.EventTravel");
    private static readonly Counter<long> Passes = Meter.CreateCounter<long>("event_travel.passes");

    public Task<IssueTravelPassReply> Issue(IssueTravelPassRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("event_travel.issue");
        var pass = new EventTravelPass($"ETP-{Guid.NewGuid():N}", request.PlayerId, request.Gamertag, request.Email, request.VenueId, request.Companion);

        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("pass.id", pass.PassId); // clean precision-names
        activity?.SetTag("venue.id", pass.VenueId); // clean precision-names
        activity?.SetTag("pass.companion", pass.Companion); // clean precision-about
        activity?.SetTag("player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("player.gamertag.length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("player.ref", pseudonymizer.PseudonymizeQuestpassClientId(request.PlayerId)); // clean precision-pseudonym
        activity?.SetTag("companion.name", request.CompanionName); // leak TC1001 direct
        activity?.SetTag("player.cohort", request.PlayerId.GetHashCode() % 10); // leak TC1002 hashes
        activity?.SetTag("player.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.PlayerId))[1] % 4); // clean hashes
        activity?.AddEvent(new ActivityEvent("pass.issued", tags: new ActivityTagsCollection { ["pass.id"] = pass.PassId, ["venue.id"] = pass.VenueId })); // clean precision-names
        activity?.AddEvent(new ActivityEvent("pass.mailed", tags: new ActivityTagsCollection { ["email"] = request.Email })); // leak TC1001 direct

        Passes.Add(1, new KeyValuePair<string, object?>("venue", pass.VenueId), new KeyValuePair<string, object?>("companion", pass.Companion)); // clean precision-names
        Passes.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct

        logger.LogInformation("Issued {@Pass}", pass); // leak TC1001 logging-objects
        logger.LogInformation("Issued {Pass}", new { pass.PassId, pass.VenueId, pass.Companion }); // clean logging-objects
        logger.LogInformation("Issued pass {PassId} to {Gamertag}", pass.PassId, request.Gamertag); // leak TC1001 direct
        logger.LogInformation("Issued pass {PassId} to player {PlayerRef}", pass.PassId, pseudonymizer.ComputeQuestpassClientId(request.PlayerId)); // clean precision-pseudonym
        LogIssued(logger, pass.PassId, request.Email); // clean logging-objects
        LogIssuedTo(logger, pass.PassId, request.Gamertag); // leak TC1001 direct

        using var span = Source.StartQuestpassOperation(pass.VenueId);
        span.SetQuestpassClientId(pseudonymizer.PseudonymizeQuestpassClientId(request.PlayerId)); // clean generated-api
        span.SetQuestpassConcession(request.Companion ? "companion" : "standard"); // clean generated-api
        span.SetQuestpassNote($"pass for {request.Gamertag}"); // leak TC1001 generated-api
        return Task.FromResult(new IssueTravelPassReply(pass.PassId, "SH-1"));
    }

    public Task<IssueTravelPassReply> Transfer(string passId, string toPlayerId, ServerCallContext context)
    {
        if (!toPlayerId.StartsWith("P", StringComparison.Ordinal))
        {
            var ex = new RpcException("InvalidArgument", $"Player {toPlayerId} cannot hold a travel pass");
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "invalid player"); // clean exceptions
            throw ex;
        }

        Activity.Current?.SetTag("pass.id", passId); // clean precision-names
        Activity.Current?.SetTag("pass.transfer.target", pseudonymizer.PseudonymizeQuestpassClientId(toPlayerId)); // clean precision-pseudonym
        return Task.FromResult(new IssueTravelPassReply(passId, "SH-1"));
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Pass {PassId} mailed to {Email}")]
    private static partial void LogIssued(ILogger logger, string passId, [PrivateData] string email);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Pass {PassId} issued to {Gamertag}")]
    private static partial void LogIssuedTo(ILogger logger, string passId, string gamertag);
}
