namespace PrivacyHoldout183.Gaming;

public sealed record MemorialiseReply(string RequestId, string Status);

public sealed record StatueRequest(Guid PlayerId, string Gamertag, string Realm, string Zone, string Inscription);

/// <summary>The studio's memorialisation desk over gRPC: a family asks for a player's account to be memorialised, purchases pass to an heir, a statue goes up in the realm.</summary>
public sealed partial class MemorialisationGrpcService(
    ActivitySource source,
    Meter meter,
    ILogger<MemorialisationGrpcService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _requests = meter.CreateCounter<long>("legacy.memorialisation.requests");
    private readonly LegacyaccountsOperationsCounter _operations = meter.CreateLegacyaccountsOperationsCounter();
    private readonly LegacyaccountsOperationDurationHistogram _duration = meter.CreateLegacyaccountsOperationDurationHistogram();
    private readonly Queue<string> _inscriptionsForReview = new();
    private int _refused;

    public Task<MemorialiseReply> Memorialise(MemorialisationRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartLegacyaccountsOperation("memorials");
        span.SetLegacyaccountsPlayerId(pseudonymizer.PseudonymizeLegacyaccountsPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        span.SetLegacyaccountsCaseKind("memorial"); // clean precision-names
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-about
        span.Activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        span.Activity?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("player.id", request.PlayerId); // leak TC1001 direct
        span.Activity?.SetTag("requester.relationship", request.Relationship); // clean precision-about
        span.Activity?.SetTag("requester.email_domain", request.RequesterEmail[(request.RequesterEmail.LastIndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag(LegacyaccountsAttributes.Contact, pseudonymizer.ComputeLegacyaccountsPlayerId(request.RequesterEmail)); // leak TC1001 precision-pseudonym
        if (span.Activity is { } current) current.DisplayName = $"memorialise {request.Gamertag}"; // leak TC1001 strings
        Baggage.SetBaggage("legacy.player", pseudonymizer.ComputeLegacyaccountsPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        Baggage.SetBaggage("legacy.gamertag", request.Gamertag); // leak TC1001 direct
        _requests.Add(1, new KeyValuePair<string, object?>("relationship", request.Relationship)); // clean precision-about
        _requests.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        var shard = HMACSHA256.HashData(secrets.ShardKey, request.PlayerId.ToByteArray())[0] % 32;
        _requests.Add(1, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        span.Activity?.SetTag("legacy.cache_key", request.PlayerId.GetHashCode()); // leak TC1002 hashes
        span.Activity?.SetTag("legacy.gamertag_ref", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(request.Gamertag)))); // leak TC1002 hashes
        logger.LogInformation("Memorialisation requested {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Memorialisation requested by {Relationship}", request.Relationship); // clean precision-about
        LogMemorialised(logger, request.Gamertag, "memorials"); // clean logging-objects
        LogMemorialisedUnclassified(logger, request.Gamertag, "memorials"); // leak TC1001 logging-objects

        if (request.Relationship is "friend")
        {
            _refused++;
            var error = new RpcException("PermissionDenied", $"Only next of kin may memorialise {request.PlayerId}");
            span.RecordException(error, includeMessage: true); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, error.Status); // clean exceptions
            logger.LogLegacyaccountsOperationFailedEvent("memorials", "refused", legacyaccountsNote: $"refused count {_refused}"); // clean generated-api
            logger.LogLegacyaccountsOperationFailedEvent("memorials", "refused", legacyaccountsNote: $"refused for {request.Gamertag}"); // leak TC1001 generated-api
            throw error;
        }

        span.SetLegacyaccountsOutcome("memorialised"); // clean generated-api
        span.SetLegacyaccountsNote($"Relationship {request.Relationship}, refused so far {_refused}"); // clean generated-api
        _operations.Add(1, "memorials", "memorialised"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "memorials"); // clean generated-api
        return Task.FromResult(new MemorialiseReply(Guid.NewGuid().ToString("N"), "ok"));
    }

    public Task<MemorialiseReply> Transfer(LegacyTransfer transfer, ServerCallContext context)
    {
        using var activity = source.StartActivity("legacy.transfer");
        activity?.SetTag("transfer.heir", pseudonymizer.PseudonymizeLegacyaccountsPlayerId(transfer.ToPlayerId.ToString()).Value); // clean precision-pseudonym
        activity?.SetTag("transfer.from", transfer.FromPlayerId.ToString()); // leak TC1001 direct
        logger.LogInformation("Legacy transfer {Transfer}", transfer); // leak TC1001 logging-objects
        logger.LogInformation("Legacy transfer {Transfer}", transfer with { FromPlayerId = Guid.Empty, ToPlayerId = Guid.Empty }); // leak TC1001 logging-objects
        logger.LogInformation("Legacy transfer {Transfer}", transfer with { FromPlayerId = Guid.Empty, ToPlayerId = Guid.Empty, Gamertag = "" }); // clean logging-objects
        _operations.Add(1, "memorials", transfer.Gamertag); // leak TC1003 generated-api
        return Task.FromResult(new MemorialiseReply(Guid.NewGuid().ToString("N"), "ok"));
    }

    public Task<MemorialiseReply> RaiseStatue(StatueRequest request, ServerCallContext context)
    {
        var statue = new MemorialStatue(Guid.NewGuid().ToString("N"), request.Realm, request.Zone);
        using var activity = source.StartActivity("legacy.statue");
        activity?.SetTag("statue.id", statue.StatueId); // clean precision-names
        activity?.SetTag("statue.realm", statue.Realm); // clean precision-about
        activity?.SetTag("statue.inscription_length", request.Inscription.Length); // clean precision-about
        activity?.SetTag("statue.inscription", request.Inscription); // leak TC1001 direct
        logger.LogInformation("Statue raised {@Statue}", statue); // clean logging-objects
        _inscriptionsForReview.Enqueue(request.Gamertag);
        activity?.SetTag("statue.review_queue", _inscriptionsForReview.Count); // clean cross-member
        activity?.SetTag("statue.next_review", _inscriptionsForReview.Peek()); // leak TC1001 cross-member
        var label = $"{statue.Realm}/{statue.Zone}#{statue.StatueId[..6]}";
        activity?.SetTag("statue.label", label); // clean strings
        return Task.FromResult(new MemorialiseReply(statue.StatueId, "raised"));
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Account of {Gamertag} memorialised in {Desk}")]
    private static partial void LogMemorialised(ILogger logger, [PrivateData] string gamertag, string desk);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Information, Message = "Account of {Gamertag} memorialised in {Desk}")]
    private static partial void LogMemorialisedUnclassified(ILogger logger, string gamertag, string desk);
}
