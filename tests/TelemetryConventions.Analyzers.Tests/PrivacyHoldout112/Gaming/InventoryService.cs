using Match.V1;

namespace PrivacyHoldout112.Gaming;

public interface IInventoryStore
{
    Task<GrantItemReply?> GrantAsync(string playerId, string sku, int quantity, string receiptId, CancellationToken cancellationToken);
}

/// <summary>match.v1.Inventory: grants purchased items to a player's inventory and files player reports.</summary>
public sealed class InventoryService(
    IInventoryStore store,
    Pseudonymizer pseudonymizer,
    ILogger<InventoryService> logger) : Inventory.InventoryBase
{
    private static readonly ActivitySource Source = new("Game.Inventory");
    private static readonly Meter Meter = new("Game.Inventory");
    private static readonly Counter<long> Grants = Meter.CreateCounter<long>("game.inventory.grants");

    public override async Task<GrantItemReply> GrantItem(GrantItemRequest request, ServerCallContext context)
    {
        using var span = Source.StartMatchrpcCall(context.Method);
        var lockKey = HashCode.Combine(request.PlayerId, request.ItemSku);
        Activity.Current?.SetTag("game.grant.lock", lockKey); // leak TC1002 hashes
        Activity.Current?.SetTag("game.receipt.id", request.ReceiptId); // clean precision-names
        Activity.Current?.SetTag("game.item.sku", request.ItemSku); // clean precision-names
        Grants.Add(request.Quantity, new KeyValuePair<string, object?>("sku", request.ItemSku)); // clean precision-names

        var reply = await store.GrantAsync(request.PlayerId, request.ItemSku, request.Quantity, request.ReceiptId, context.CancellationToken);
        if (reply is null)
        {
            var status = new Status(StatusCode.AlreadyExists, $"Receipt {request.ReceiptId} was already redeemed");
            span.SetMatchrpcRpcStatus(status.StatusCode.ToString()).SetMatchrpcNote(status.Detail); // clean generated-api
            throw new RpcException(status); // clean exceptions
        }

        logger.LogInformation("Granted {Reply} to {Player}", reply, pseudonymizer.ComputeMatchrpcPlayerId(request.PlayerId)); // clean precision-pseudonym
        return reply;
    }

    public override Task<ReportPlayerReply> ReportPlayer(ReportPlayerRequest request, ServerCallContext context)
    {
        using var span = Source.StartMatchrpcCall(context.Method)
            .SetMatchrpcPlayerId(pseudonymizer.PseudonymizeMatchrpcPlayerId(request.ReporterId)); // clean precision-pseudonym
        Activity.Current?.SetTag("game.report.category", request.Category); // clean precision-names
        Activity.Current?.SetTag("game.report.comment_length", request.Comment.Length); // clean precision-about
        Activity.Current?.SetTag("game.report.target", request.ReportedGamertag); // leak TC1001 direct
        logger.LogInformation("Report filed: {Comment}", request.Comment); // leak TC1001 direct
        if (request.Comment.Length > 500)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Comment too long: " + request.Comment[..80])); // leak TC1001 exceptions
        }

        var caseId = Guid.NewGuid().ToString("N");
        span.SetMatchrpcOutcome("filed").SetMatchrpcNote($"case {caseId} in match {request.MatchId}"); // clean generated-api
        Meter.CreateMatchrpcCallsCounter().Add(1, context.Method, nameof(StatusCode.OK), request.Category); // clean precision-names
        return Task.FromResult(new ReportPlayerReply { CaseId = caseId });
    }
}
