namespace PrivacyHoldout208.Gaming;

public sealed record ArenaParkingRequest(string EventId, string TicketId, string PlayerId, string Gamertag, string Vrm, string? Email);

public sealed record ArenaParkingReply(string PassId, string Bay);

public sealed record ArenaChargeRequest(string EventId, string PcnNumber, string Vrm, string StewardId);

/// <summary>A publisher's gRPC service for parking passes and charges at its tournament arenas.</summary>
public sealed partial class ArenaParkingGrpcService(
    IPenaltyNoticeStore notices,
    IPaymentGateway payments,
    Pseudonymizer pseudonymizer,
    ParkingServiceOptions options,
    ILogger<ArenaParkingGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.Arena.Parking");
    private static readonly Meter Meter = new("Publisher.Arena.Parking");
    private static readonly Counter<long> PassesIssued = Meter.CreateCounter<long>("arena.parking.passes");
    private static readonly UpDownCounter<long> BaysInUse = Meter.CreateUpDownCounter<long>("arena.parking.bays_in_use");

    private readonly List<string> _passHolders = new();

    public Task<ArenaParkingReply> IssuePass(ArenaParkingRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("arena.parking.pass");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("arena.event", request.EventId); // clean precision-names
        activity?.SetTag("arena.ticket", request.TicketId); // clean precision-names
        activity?.SetTag("arena.player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("arena.player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("arena.player.gamertag_length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("arena.player", pseudonymizer.ComputeArenaparkClientId(request.PlayerId)); // clean precision-pseudonym
        activity?.SetTag("arena.vrm", request.Vrm); // leak TC1001 direct
        activity?.SetTag("arena.player_count", _passHolders.Count); // clean precision-names

        if (context.RequestHeaders.TryGetValue("x-player-session", out var session))
        {
            activity?.SetTag("arena.player.session", session); // clean precision-names
        }

        var pass = new ArenaParkingReply($"AP-{request.EventId}-{_passHolders.Count + 1:D4}", $"B{_passHolders.Count % 400:D3}");
        _passHolders.Add(request.Vrm);
        activity?.SetTag("arena.pass.id", pass.PassId); // clean precision-names
        activity?.SetTag("arena.bay", pass.Bay); // clean precision-names
        activity?.AddEvent(new ActivityEvent("pass.issued", tags: new ActivityTagsCollection { ["arena.bay"] = pass.Bay, ["arena.event"] = request.EventId })); // clean precision-names
        activity?.AddEvent(new ActivityEvent("pass.holder", tags: new ActivityTagsCollection { ["arena.gamertag"] = request.Gamertag })); // leak TC1001 direct

        PassesIssued.Add(1, new KeyValuePair<string, object?>("arena.event", request.EventId)); // clean precision-names
        PassesIssued.Add(1, new KeyValuePair<string, object?>("arena.player", request.Gamertag)); // leak TC1003 direct
        BaysInUse.Add(1, new KeyValuePair<string, object?>("arena.player", pseudonymizer.PseudonymizeArenaparkClientId(request.PlayerId))); // leak TC1003 precision-pseudonym

        logger.LogInformation("Pass request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Pass request {Request}", request with { PlayerId = "", Gamertag = "", Vrm = "", Email = null }); // clean logging-objects
        logger.LogInformation("Pass {@Pass} issued for event {EventId}", pass, request.EventId); // clean logging-objects
        logger.LogInformation("Pass issued for {Player}", new { request.Gamertag, request.EventId }); // leak TC1001 logging-objects
        LogPassIssued(logger, request.PlayerId, request.Vrm, pass.PassId); // clean logging-objects
        LogPassHolderEmail(logger, request.Email ?? "", pass.PassId); // leak TC1001 logging-objects

        return Task.FromResult(pass);
    }

    public async Task<ArenaParkingReply> ChargeOverstay(ArenaChargeRequest request, ServerCallContext context)
    {
        var player = pseudonymizer.PseudonymizeArenaparkClientId(request.Vrm);
        using var op = Source.StartArenaparkOperation(request.EventId)
            .SetArenaparkClientId(player) // clean generated-api
            .SetArenaparkChannel("steward"); // clean generated-api
        op.SetArenaparkNote($"steward {request.StewardId} charged {request.Vrm}"); // leak TC1001 generated-api
        op.SetArenaparkContravention("overstay"); // clean generated-api

        var notice = await notices.FindAsync(request.PcnNumber, context.CancellationToken);
        if (notice is null)
        {
            var error = new RpcException("NotFound", $"no notice for vehicle {request.Vrm}");
            op.RecordException(error); // clean generated-api
            op.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            logger.LogArenaparkOperationFailedEvent(arenaparkSite: request.EventId, arenaparkOutcome: "not-found", arenaparkClientId: player); // clean generated-api
            throw error;
        }

        try
        {
            var paymentId = await payments.TakeAsync(notice.PcnNumber, notice.Amount, "tok", context.CancellationToken);
            op.SetArenaparkOutcome("paid"); // clean generated-api
            op.SetArenaparkNote($"payment {paymentId} for {notice.PcnNumber}"); // clean generated-api
            Meter.CreateArenaparkOperationsCounter().Add(1, arenaparkSite: request.EventId, arenaparkOutcome: "paid"); // clean generated-api
            Meter.CreateArenaparkOperationsCounter().Add(1, arenaparkSite: request.StewardId, arenaparkOutcome: "paid"); // leak TC1003 generated-api
        }
        catch (PaymentDeclinedException ex)
        {
            op.RecordException(ex); // clean generated-api
            logger.LogArenaparkOperationFailedEvent(arenaparkSite: request.EventId, arenaparkOutcome: "declined", arenaparkNote: ex.Message); // clean generated-api
            logger.LogArenaparkOperationFailedEvent(arenaparkSite: request.EventId, arenaparkOutcome: "declined", arenaparkNote: $"declined for {request.Vrm}"); // leak TC1001 generated-api
        }

        return new ArenaParkingReply(notice.PcnNumber, notice.ZoneCode);
    }

    public void TagHolders(Activity? activity)
    {
        var sb = new StringBuilder();
        foreach (var vrm in _passHolders.Take(10))
        {
            sb.Append(vrm).Append(' ');
        }

        activity?.SetTag("arena.holders.sample", sb.ToString()); // leak TC1001 strings
        activity?.SetTag("arena.holders.regions", string.Join(",", _passHolders.Select(v => v[..2]).Distinct())); // clean strings
        activity?.SetTag("arena.holders.total", _passHolders.Count); // clean cross-member
        activity?.SetTag("arena.holders.first", _passHolders.FirstOrDefault()); // leak TC1001 cross-member
    }

    public void TagPlayerBucket(Activity? activity, string playerId)
    {
        activity?.SetTag("arena.player.bucket", (uint)playerId.GetHashCode() % 32); // leak TC1002 hashes
        activity?.SetTag("arena.player.shard", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(playerId))[0]); // clean hashes
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Pass {PassId} for player {PlayerId} vehicle {Vrm}")]
    private static partial void LogPassIssued(ILogger logger, [PrivateData] string playerId, [PrivateData] string vrm, string passId);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Pass {PassId} sent to {Email}")]
    private static partial void LogPassHolderEmail(ILogger logger, string email, string passId);
}
