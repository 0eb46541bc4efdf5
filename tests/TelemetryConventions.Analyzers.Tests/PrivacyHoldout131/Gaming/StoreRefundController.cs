namespace PrivacyHoldout131.Gaming;

public sealed record StoreRefundRequest(Guid PlayerId, string Gamertag, string OrderId, string Sku, decimal Price, string PaymentId, bool ToWallet, string? Reason);

public sealed record EntitlementUsage(string Sku, TimeSpan PlayTime, bool Consumed, DateTimeOffset PurchasedAt);

public interface IEntitlements
{
    Task<EntitlementUsage> UsageAsync(Guid playerId, string sku, CancellationToken cancellationToken);

    Task RevokeAsync(Guid playerId, string sku, CancellationToken cancellationToken);
}

/// <summary>
/// Self-service refunds for the studio's store: purchases under two hours' play within fourteen days are
/// refunded to the original payment or, at the player's choice, to the in-game wallet with a bonus.
/// </summary>
[ApiController]
[Route("store/refunds")]
public sealed class StoreRefundController(
    IEntitlements entitlements,
    IRefundGateway gateway,
    IStoreCreditLedger wallet,
    Pseudonymizer pseudonymizer,
    IOptions<RefundsOptions> options,
    ILogger<StoreRefundController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Store.Refunds");
    private static readonly Meter Meter = new("Studio.Store.Refunds");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("store.refunds.refused");
    private readonly StorerefundRefundsCounter _refunds = Meter.CreateStorerefundRefundsCounter();

    [HttpPost("")]
    public async Task<ActionResult> Request([FromBody] StoreRefundRequest request, CancellationToken ct)
    {
        using var span = Source.StartStorerefundCase(request.OrderId);
        span.SetStorerefundClaimantId(pseudonymizer.PseudonymizeStorerefundClaimantId(request.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("store.sku", request.Sku); // clean precision-names
        Activity.Current?.SetTag("store.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("store.reason_given", request.Reason is not null); // clean precision-about

        var usage = await entitlements.UsageAsync(request.PlayerId, request.Sku, ct);
        Activity.Current?.SetTag("store.play_minutes", (int)usage.PlayTime.TotalMinutes); // clean precision-about
        if (usage.PlayTime > TimeSpan.FromHours(2) || usage.Consumed)
        {
            Refused.Add(1, new KeyValuePair<string, object?>("sku", request.Sku), new KeyValuePair<string, object?>("consumed", usage.Consumed)); // clean precision-names
            Refused.Add(1, new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct
            logger.LogInformation("Refund refused for {PlayerId} on {Sku}: {Minutes} minutes played", request.PlayerId, request.Sku, usage.PlayTime.TotalMinutes); // leak TC1001 direct
            return BadRequest("Refund window passed.");
        }

        if (request.ToWallet)
        {
            var bonus = request.Price * (1 + options.Value.StoreCreditBonusPercent / 100m);
            var credit = await wallet.IssueAsync($"WALLET-{request.PlayerId}", bonus, "refund", ct);
            logger.LogInformation("Refunded to wallet {Wallet} with {Amount}", credit.HolderRef, credit.Amount); // leak TC1001 cross-member
            _refunds.Add(1, "wallet", "credited"); // clean generated-api
        }
        else
        {
            var refund = await gateway.RefundAsync(new RefundRequest(request.PaymentId, request.Price, "GBP", RefundDestination.OriginalPayment, request.OrderId, new Dictionary<string, string> { ["player_id"] = request.PlayerId.ToString(), ["sku"] = request.Sku }), ct);
            logger.LogInformation("Refund {RefundId} {Status} for order {OrderId}", refund.RefundId, refund.Status, request.OrderId); // clean precision-names
            _refunds.Add(1, "original-payment", refund.Status); // clean generated-api
            _refunds.Add(1, "original-payment", request.Gamertag); // leak TC1003 generated-api
        }

        await entitlements.RevokeAsync(request.PlayerId, request.Sku, ct);
        logger.LogInformation("Refund request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Refund reason: {Reason}", request.Reason); // leak TC1001 direct
        return Ok();
    }
}
