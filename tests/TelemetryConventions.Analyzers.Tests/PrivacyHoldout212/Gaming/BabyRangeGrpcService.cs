namespace PrivacyHoldout212.Gaming;

public sealed record GiftListRequest(string PlayerId, string ListNumber, string Gamertag);

public sealed record GiftListReply(int ItemCount, int Purchased);

public sealed record WarrantyRequest(string PlayerId, string Gamertag, string ClaimId, string ProductSerial, string ContactEmail, string Fault);

public sealed record WarrantyReply(string ClaimId, string Decision);

/// <summary>A family games publisher's licensed baby range (play mats, baby monitors): gift lists and warranty claims over gRPC.</summary>
public sealed partial class BabyRangeGrpcService(
    IGiftListStore giftLists,
    IWarrantyGateway warranty,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BabyRangeGrpcService> logger)
{
    private readonly Counter<long> _claims = meter.CreateCounter<long>("playnest.warranty.claims");

    public async Task<GiftListReply> GetGiftList(GiftListRequest request, ServerCallContext context)
    {
        using var op = source.StartPlaynestOperation("storefront-eu");
        op.SetPlaynestKind("gift-list"); // clean generated-api
        op.SetPlaynestClientId(pseudonymizer.PseudonymizePlaynestClientId(request.PlayerId)); // clean generated-api
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("gift.list.number", request.ListNumber); // leak TC1001 direct
        Activity.Current?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("player.gamertag.length", request.Gamertag.Length); // clean precision-about
        var list = await giftLists.FindAsync(request.ListNumber, context.CancellationToken);
        if (list is null)
        {
            logger.LogPlaynestOperationFailedEvent("storefront-eu", "not-found", playnestClientId: pseudonymizer.PseudonymizePlaynestClientId(request.PlayerId)); // clean generated-api
            throw new RpcException("NotFound", $"No gift list {request.ListNumber} for player {request.PlayerId}");
        }

        var stats = await giftLists.StatsAsync(request.ListNumber, context.CancellationToken);
        logger.LogInformation("Gift list stats {@Stats}", stats); // clean logging-objects
        logger.LogInformation("Gift list {@List}", list); // leak TC1001 logging-objects
        logger.LogInformation("Gift list for baby {BabyName} due {DueDate}", list.BabyName, list.DueDate); // leak TC1001 direct
        logger.LogInformation("Gift list due in {Weeks} weeks", (list.DueDate.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber) / 7); // clean precision-about
        logger.LogInformation("Gift list items {ItemCount}, purchased {Purchased}", list.ItemCount, stats.Purchased); // clean precision-about
        op.SetPlaynestItems(list.ItemCount); // clean generated-api
        op.SetPlaynestNote($"list {request.ListNumber}"); // leak TC1001 generated-api
        op.SetPlaynestNote($"{stats.Purchased} of {stats.ItemCount} bought"); // clean generated-api
        return new GiftListReply(stats.ItemCount, stats.Purchased);
    }

    public async Task<WarrantyReply> Claim(WarrantyRequest request, ServerCallContext context)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ClaimId"] = request.ClaimId, ["Method"] = context.Method }); // clean logging-objects
        using var scope2 = logger.BeginScope(new Dictionary<string, object> { ["Player"] = request.PlayerId }); // leak TC1001 logging-objects
        Activity.Current?.SetTag("warranty.claim.id", request.ClaimId); // clean precision-names
        Activity.Current?.SetTag("warranty.product.serial", request.ProductSerial); // leak TC1001 direct
        Activity.Current?.SetTag("warranty.contact", request.ContactEmail); // leak TC1001 direct
        Activity.Current?.SetTag("warranty.contact.domain", request.ContactEmail[(request.ContactEmail.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag("warranty.fault.length", request.Fault.Length); // clean precision-about
        Activity.Current?.SetTag("warranty.playerTier", "gold"); // clean precision-names
        var serialKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ProductSerial)));
        Activity.Current?.SetTag("warranty.serial.key", serialKey); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.ProductSerial))[0] % 32;
        Activity.Current?.SetTag("warranty.shard", shard); // clean hashes
        _claims.Add(1, new KeyValuePair<string, object?>("decision", "submitted")); // clean precision-about
        _claims.Add(1, new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct
        try
        {
            var outcome = await warranty.SubmitAsync(new WarrantyClaim(request.ClaimId, request.ProductSerial, request.ContactEmail, request.Fault, 0m), context.CancellationToken);
            logger.LogInformation("Claim {ClaimId} decided {Decision} for {Model}", outcome.ClaimId, outcome.Decision, outcome.ModelCode); // clean precision-names
            LogClaimed(logger, request.ClaimId, request.Gamertag); // clean logging-objects
            LogClaimFault(logger, request.ClaimId, request.Fault); // leak TC1001 logging-objects
            return new WarrantyReply(outcome.ClaimId, outcome.Decision);
        }
        catch (ClaimRejectedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            var rpc = new RpcException("FailedPrecondition", $"Claim rejected for {request.Gamertag}");
            Activity.Current?.AddException(rpc); // leak TC1001 exceptions
            logger.LogWarning(ex, "Claim rejected"); // clean exceptions
            throw rpc;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} by {Gamertag}")]
    private static partial void LogClaimed(ILogger logger, string claimId, [PrivateData] string gamertag);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim {ClaimId} fault: {Fault}")]
    private static partial void LogClaimFault(ILogger logger, string claimId, string fault);
}
