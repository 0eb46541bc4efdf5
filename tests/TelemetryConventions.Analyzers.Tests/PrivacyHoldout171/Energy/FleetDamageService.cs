namespace PrivacyHoldout171.Energy;

public sealed record VanDamageRequest(string AgreementNumber, string EngineerNumber, string EngineerName, string Description, string Panel, decimal Estimate);

public sealed record VanDamageReply(string ClaimId, string Status);

/// <summary>gRPC service the rental company calls when a returned van has damage the engineer must explain.</summary>
public sealed class FleetDamageService(IDamageClaimStore claims, TelemetrySecrets secrets, ILogger<FleetDamageService> logger)
{
    private static readonly ActivitySource Source = new("Grid.FleetDamage");

    public async Task<VanDamageReply> RaiseDamage(VanDamageRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("fleet.damage.raise", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("fleet.agreement", request.AgreementNumber); // clean precision-names
        activity?.SetTag("fleet.damage.panel", request.Panel); // clean precision-about
        activity?.SetTag("fleet.damage.estimate", request.Estimate); // clean precision-about
        activity?.SetTag("fleet.damage.words", request.Description.Split(' ').Length); // clean precision-about

        var claimId = $"DMG-{Guid.NewGuid():N}"[..12];
        var reply = new VanDamageReply(claimId, "awaiting-statement");
        await claims.SaveAsync(new ClaimDecision(claimId, request.Panel, 0m, "open"), context.CancellationToken);

        logger.LogInformation("Damage {ClaimId} raised on {Agreement} for engineer {EngineerNumber}", claimId, request.AgreementNumber, request.EngineerNumber); // leak TC1001 direct
        logger.LogInformation("Damage reply {Reply}", reply); // clean logging-objects
        activity?.AddEvent(new ActivityEvent("fleet.damage.statement_requested", tags: new ActivityTagsCollection { ["engineer.name"] = request.EngineerName })); // leak TC1001 direct

        var bucket = HashBucket(request.EngineerNumber);
        activity?.SetTag("fleet.engineer.bucket", bucket); // leak TC1002 hashes
        activity?.SetTag("fleet.engineer.shard", KeyedShard(request.EngineerNumber)); // clean hashes

        if (request.Estimate > 5000m)
        {
            var ex = new RpcException("FAILED_PRECONDITION", $"Estimate over limit for agreement {request.AgreementNumber}");
            activity?.AddException(ex); // clean exceptions
            throw ex;
        }

        return reply;
    }

    private static string HashBucket(string engineerNumber) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(engineerNumber)))[..6];

    private int KeyedShard(string engineerNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(engineerNumber))) % 64;
    }
}
