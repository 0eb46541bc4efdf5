namespace PrivacyHoldout170.Energy;

/// <summary>The gRPC service contractors' agencies call to check whether an engineer's vetting is current.</summary>
public sealed class ContractorScreeningService(
    ICandidateStore candidates,
    ILogger<ContractorScreeningService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Supplier.FieldForce.ContractorScreening");
    private static readonly Meter Meter = new("Supplier.FieldForce.ContractorScreening");
    private static readonly FieldvettingCheckDurationHistogram Duration = Meter.CreateFieldvettingCheckDurationHistogram();
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("contractor.lookups");

    public async Task<PlacementSummary> GetVettingStatus(EngineerVetting request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFieldvettingOperation(request.Region)
            .SetFieldvettingEngineerId(pseudonymizer.PseudonymizeFieldvettingEngineerId(request.EngineerNumber)) // clean generated-api
            .SetFieldvettingCandidateId(pseudonymizer.PseudonymizeFieldvettingCandidateId(request.CandidateId)); // clean generated-api
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("rpc.request", request.ToString()); // leak TC1001 logging-objects
        span.Activity?.SetTag("net.peer.name", context.Peer); // clean precision-names
        span.Activity?.SetTag("engineer.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.EngineerNumber)))[..12]); // leak TC1002 hashes
        span.Activity?.SetTag("engineer.keyed_shard", KeyedShard(request.EngineerNumber)); // clean hashes
        Lookups.Add(1, new KeyValuePair<string, object?>("agency", context.RequestHeaders.TryGetValue("x-agency", out var agency) ? agency : "unknown")); // clean precision-names

        var candidate = await candidates.FindAsync(request.CandidateId, context.CancellationToken);
        if (candidate is null)
        {
            var notFound = new CandidateNotFoundException(request.CandidateId);
            span.Activity?.AddException(notFound); // leak TC1001 exceptions
            span.SetFieldvettingNote("candidate not found"); // clean generated-api
            throw new RpcException("NOT_FOUND", "engineer not known");
        }

        span.SetFieldvettingNote($"engineer {candidate.FullName} looked up by {context.Peer}"); // leak TC1001 generated-api
        span.SetFieldvettingNote($"looked up by {context.Peer} with {request.BpssLevel}"); // clean generated-api
        span.Activity?.SetTag("engineer.ref", pseudonymizer.ComputeFieldvettingEngineerId(request.EngineerNumber)); // clean precision-pseudonym
        Lookups.Add(1, new KeyValuePair<string, object?>("engineer", pseudonymizer.ComputeFieldvettingEngineerId(request.EngineerNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Agency {Peer} looked up an engineer in {Region}", context.Peer, request.Region); // clean precision-about
        logger.LogInformation("Agency {Peer} looked up {Email}", context.Peer, candidate.Email); // leak TC1001 direct
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Region); // clean generated-api
        return new PlacementSummary("vetting", "engineer", "current");
    }

    private string KeyedShard(string engineerNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(engineerNumber)))[..4];
}
