namespace PrivacyHoldout131.Gaming;

public sealed record PlayerPurchase(Guid PlayerId, string Gamertag, string Email, string OrderId, string Sku, string LastLoginIp, int SessionsSincePurchase, DateTimeOffset PurchasedAt);

public interface IPurchaseHistory
{
    Task<PlayerPurchase?> ByPaymentAsync(string paymentId, CancellationToken cancellationToken);
}

public interface IAccountLocks
{
    Task LockAsync(Guid playerId, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Receives the payment provider's dispute webhooks: locks store purchases on the account while the
/// chargeback is open and answers it with the evidence of play.
/// </summary>
public sealed class ChargebackWebhookHandler(
    IDisputeClient disputes,
    IPurchaseHistory purchases,
    IAccountLocks locks,
    Pseudonymizer pseudonymizer,
    ILogger<ChargebackWebhookHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.Payments.Chargebacks");
    private static readonly Meter Meter = new("Studio.Payments.Chargebacks");
    private static readonly Counter<long> Chargebacks = Meter.CreateCounter<long>("payments.chargebacks");

    public async Task<ActionResult> HandleAsync(DisputeWebhook webhook, CancellationToken ct)
    {
        using var span = Source.StartStorerefundCase(webhook.DisputeId);
        Activity.Current?.SetTag("webhook.event_id", webhook.EventId); // clean precision-names
        Activity.Current?.SetTag("webhook.status", webhook.Status); // clean precision-names
        logger.LogDebug("Dispute webhook body length {Length}", webhook.RawBody.Length); // clean precision-about

        var purchase = await purchases.ByPaymentAsync(webhook.PaymentId, ct);
        if (purchase is null)
        {
            logger.LogWarning("Dispute webhook for unknown payment: {Body}", webhook.RawBody); // leak TC1001 logging-objects
            return new NotFoundResult(webhook.PaymentId);
        }

        var chargeback = await disputes.GetAsync(webhook.DisputeId, ct);
        Chargebacks.Add(1, new KeyValuePair<string, object?>("reason_code", chargeback.ReasonCode), new KeyValuePair<string, object?>("sku", purchase.Sku)); // clean precision-names
        span.SetStorerefundAmount((double)chargeback.Amount); // clean precision-about
        span.SetStorerefundClaimantId(Pseudonym.FromComputed(purchase.PlayerId.ToString())); // leak TC1001 precision-pseudonym

        await locks.LockAsync(purchase.PlayerId, $"chargeback {chargeback.DisputeId}", ct);
        logger.LogWarning("Store locked for {Gamertag} pending chargeback {DisputeId}", purchase.Gamertag, chargeback.DisputeId); // leak TC1001 direct
        logger.LogWarning("Store locked for {Player} pending chargeback {DisputeId}", pseudonymizer.ComputeStorerefundClaimantId(purchase.PlayerId.ToString()), chargeback.DisputeId); // clean precision-pseudonym

        var evidence = new DisputeEvidence(chargeback.DisputeId)
        {
            CustomerEmail = purchase.Email,
            CustomerIpAddress = purchase.LastLoginIp,
            AccessActivityLog = $"{purchase.SessionsSincePurchase} sessions since {purchase.PurchasedAt:O}",
            ServiceDate = DateOnly.FromDateTime(purchase.PurchasedAt.UtcDateTime),
        };
        Activity.Current?.SetTag("dispute.access_log", evidence.AccessActivityLog); // clean strings
        Activity.Current?.SetTag("dispute.customer_ip", evidence.CustomerIpAddress); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("dispute.evidence", tags: new ActivityTagsCollection { ["sessions"] = purchase.SessionsSincePurchase, ["has_ip"] = evidence.CustomerIpAddress is not null })); // clean precision-about

        try
        {
            var submission = await disputes.SubmitEvidenceAsync(evidence, ct);
            span.SetStorerefundOutcome(submission.Submitted ? "evidence-submitted" : "draft"); // clean precision-names
            logger.LogInformation("Evidence {@Evidence} submitted", evidence); // leak TC1001 logging-objects
        }
        catch (DisputeApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogStorerefundCaseFailedEvent(chargeback.DisputeId, ex.Code, pseudonymizer.PseudonymizeStorerefundClaimantId(purchase.PlayerId.ToString()), $"evidence refused: {ex.Code}"); // clean generated-api
        }

        return new OkResult(null);
    }
}
