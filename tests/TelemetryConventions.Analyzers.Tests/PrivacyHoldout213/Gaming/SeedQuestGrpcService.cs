namespace PrivacyHoldout213.Gaming;

public sealed record RedeemSeedRequest(string PlayerId, string Gamertag, string Email, int SeedTokens, string GroveId);

public sealed record RedeemSeedReply(string TreeId, int TokensLeft);

public sealed record GroveEvictionRequest(string PlayerId, string Gamertag, string GroveId, string PlotRef, string ReasonCode, string ModeratorNote);

/// <summary>A studio's gRPC service: players redeem in-game seed tokens for real trees and rent community grove plots.</summary>
public sealed class SeedQuestGrpcService(
    TreeRegister trees,
    AllotmentRegister register,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SeedQuestGrpcService> logger)
{
    private static readonly ActivitySource Source = new("SeedQuest.Grpc");
    private static readonly Meter Meter = new("SeedQuest.Grpc");
    private static readonly Counter<long> Redemptions = Meter.CreateCounter<long>("seedquest.redemptions");

    private readonly List<string> _recentGamertags = new();

    public Task<RedeemSeedReply> Redeem(RedeemSeedRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("Redeem");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("seedquest.client.id", pseudonymizer.ComputeSeedquestClientId(request.PlayerId)); // clean precision-pseudonym
        activity?.SetTag("seedquest.grove", request.GroveId); // clean precision-names
        activity?.SetTag("seedquest.tokens", request.SeedTokens); // clean precision-about
        activity?.SetTag("seedquest.gamertag.length", request.Gamertag.Length); // clean precision-about
        _recentGamertags.Add(request.Gamertag);

        Redemptions.Add(1, new KeyValuePair<string, object?>("grove", request.GroveId)); // clean precision-names
        Redemptions.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.Pseudonymize("client", request.PlayerId))); // leak TC1003 precision-pseudonym
        Redemptions.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.PlayerId))[0] % 8;
        Redemptions.Add(1, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        var sample = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(request.Gamertag))) % 100;
        activity?.SetTag("seedquest.sample", sample); // leak TC1002 hashes

        if (request.SeedTokens < 100)
        {
            var error = new RpcException("FailedPrecondition", $"player {request.PlayerId} has only {request.SeedTokens} tokens");
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            logger.LogWarning("Redeem refused: {Status}", error.Status); // clean exceptions
            throw error;
        }

        var tree = trees.Plant("birch", 57.0, -4.2, request.GroveId);
        var dedication = trees.Dedicate(tree.TreeId, request.Gamertag, request.Email);
        logger.LogInformation("Tree {TreeId} planted in {Grove}", tree.TreeId, tree.SiteId); // clean precision-names
        logger.LogInformation("Tree planted for {Dedication}", dedication); // leak TC1001 logging-objects
        logger.LogInformation("Planting {@Planting}", tree); // clean logging-objects
        activity?.AddEvent(new ActivityEvent("tree.planted", tags: new ActivityTagsCollection { ["tree"] = tree.TreeId, ["species"] = tree.Species })); // clean precision-names
        return Task.FromResult(new RedeemSeedReply(tree.TreeId, request.SeedTokens - 100));
    }

    public Task<string> Evict(GroveEvictionRequest request, ServerCallContext context)
    {
        var player = pseudonymizer.PseudonymizeSeedquestClientId(request.PlayerId);
        using var span = Source.StartSeedquestOperation(request.GroveId) // clean generated-api
            .SetSeedquestClientId(player) // clean generated-api
            .SetSeedquestPlot(request.PlotRef) // clean generated-api
            .SetSeedquestTask("notice") // clean generated-api
            .SetSeedquestOutcome(request.ReasonCode); // clean generated-api
        span.SetSeedquestNote(request.ModeratorNote); // leak TC1001 generated-api
        span.SetSeedquestNote($"reason {request.ReasonCode} on plot {request.PlotRef}"); // clean generated-api
        var notice = new EvictionNotice("EV-" + request.PlotRef, request.PlotRef, request.Gamertag, request.ReasonCode, request.ModeratorNote);
        register.Record(notice);
        logger.LogInformation("Eviction {Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Eviction {NoticeId} on plot {Plot} for {Reason}", notice.NoticeId, notice.PlotRef, notice.ReasonCode); // clean logging-objects
        logger.LogSeedquestOperationFailedEvent(request.GroveId, "evicted", player, request.Gamertag); // leak TC1001 generated-api
        Meter.CreateSeedquestOperationsCounter().Add(1, request.GroveId, request.ReasonCode); // clean generated-api
        Meter.CreateSeedquestOperationsCounter().Add(1, request.GroveId, pseudonymizer.ComputeSeedquestClientId(request.PlayerId)); // leak TC1003 precision-pseudonym
        return Task.FromResult(notice.NoticeId);
    }

    public void ReportRecent()
    {
        logger.LogInformation("Recent redeemers: {Gamertags}", string.Join(", ", _recentGamertags)); // leak TC1001 cross-member
        logger.LogInformation("Recent redemptions: {Count}", _recentGamertags.Count); // clean cross-member
    }
}
