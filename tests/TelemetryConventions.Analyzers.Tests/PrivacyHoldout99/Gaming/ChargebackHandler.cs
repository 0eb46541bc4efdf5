namespace PrivacyHoldout99.Gaming;

public sealed record PlayerPurchaseRecord(Guid PlayerId, string Gamertag, string Email, string LastLoginIp, string ChargeId, DateTimeOffset PurchasedAt, string Sku);

public interface IPurchaseHistory
{
    Task<PlayerPurchaseRecord?> ByChargeAsync(string chargeId, CancellationToken ct);
}

/// <summary>Answers chargebacks on store purchases: locks the wallet of the account, builds the evidence from the purchase record and submits it.</summary>
public sealed class ChargebackHandler(
    IDisputeClient disputes,
    IPurchaseHistory history,
    Pseudonymizer pseudonymizer,
    ILogger<ChargebackHandler> logger)
{
    private static readonly ActivitySource Source = new("Game.Store.Chargebacks");
    private static readonly Meter Meter = new("Game.Store.Chargebacks");
    private static readonly Counter<long> Chargebacks = Meter.CreateCounter<long>("store.chargebacks");

    public async Task HandleAsync(Dispute dispute, CancellationToken ct)
    {
        using var activity = Source.StartActivity("store.chargeback");
        activity?.SetTag("dispute.id", dispute.Id); // clean precision-names
        activity?.SetTag("dispute.amount", dispute.Amount); // clean precision-about
        activity?.SetTag("dispute.reason", dispute.Reason);
        Chargebacks.Add(1, new KeyValuePair<string, object?>("reason", dispute.Reason), new KeyValuePair<string, object?>("network_reason", dispute.NetworkReasonCode)); // clean precision-names

        var purchase = await history.ByChargeAsync(dispute.ChargeId, ct);
        if (purchase is null)
        {
            logger.LogWarning("No purchase record for charge {ChargeId}", dispute.ChargeId);
            return;
        }

        activity?.SetTag("gamepay.player.id", pseudonymizer.ComputeGamepayPlayerId(purchase.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("player.gamertag.length", purchase.Gamertag.Length);
        logger.LogWarning("Wallet locked for {Player} after chargeback {DisputeId}", purchase.Gamertag, dispute.Id); // leak TC1001 direct
        logger.LogInformation("Purchase under dispute {@Purchase}", purchase); // leak TC1001 logging-objects
        logger.LogInformation("Purchase under dispute: {Sku} at {At}", purchase.Sku, purchase.PurchasedAt); // clean precision-names

        var evidence = new DisputeEvidence(
            CustomerEmailAddress: purchase.Email,
            CustomerName: purchase.Gamertag,
            CustomerPurchaseIp: purchase.LastLoginIp,
            BillingAddress: null,
            ProductDescription: $"In-game currency pack {purchase.Sku}",
            ServiceDate: purchase.PurchasedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            UncategorizedText: $"Player logged in from {purchase.LastLoginIp} and spent the currency");
        activity?.SetTag("evidence.product", evidence.ProductDescription);
        activity?.SetTag("evidence.email", evidence.CustomerEmailAddress); // leak TC1001 cross-member
        activity?.SetTag("evidence.service_date", evidence.ServiceDate); // clean strings
        activity?.SetTag("evidence.text", evidence.UncategorizedText); // leak TC1001 strings
        activity?.SetTag("evidence.ip.network", string.Join('.', purchase.LastLoginIp.Split('.').Take(2)) + ".0.0/16"); // clean precision-about

        try
        {
            var submitted = await disputes.SubmitEvidenceAsync(dispute.Id, evidence, ct);
            activity?.SetTag("dispute.status", submitted.Status); // clean precision-names
            logger.LogInformation("Evidence submitted for {DisputeId}: {Evidence}", dispute.Id, evidence); // leak TC1001 logging-objects
        }
        catch (PaymentProviderException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Code); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Evidence for {DisputeId} refused (request {RequestId})", dispute.Id, ex.RequestId); // clean exceptions
        }
    }
}
