namespace PrivacyHoldout123.Gaming;

/// <summary>A refund request from the web store's support form.</summary>
public sealed record StoreRefundRequest(string ReceiptNumber, Guid PlayerId, string Gamertag, string Email, string Sku, int AmountCents, string Currency, string Reason, string SupportAgentId);

/// <summary>A card scheme's chargeback notification for a web store purchase.</summary>
public sealed record Chargeback(string DisputeId, string ReceiptNumber, Guid PlayerId, string ReasonCode, int AmountCents, string CardLast4, string CardholderName);

/// <summary>Refunds web store purchases, watches for refund abuse and answers chargebacks.</summary>
public sealed class StoreRefundProcessor(IDirectDebitClient payments, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<StoreRefundProcessor> logger)
{
    private static readonly ActivitySource Source = new("Studio.Payments.Refunds");
    private static readonly Meter Meter = new("Studio.Payments.Refunds");
    private static readonly Counter<long> RefundsBySku = Meter.CreateCounter<long>("gamepay.refunds.by_sku");
    private static readonly Counter<long> Chargebacks = Meter.CreateCounter<long>("gamepay.chargebacks");
    private readonly GamepayPlayerRefundsCounter _playerRefunds = Meter.CreateGamepayPlayerRefundsCounter();
    private readonly GamepayPostingsCounter _postings = Meter.CreateGamepayPostingsCounter();

    public async Task<Refund> RefundAsync(StoreRefundRequest request, string paymentId, CancellationToken ct)
    {
        var player = pseudonymizer.PseudonymizeGamepayCustomerId(request.PlayerId.ToString());
        using var span = Source.StartGamepayCollect("refund")
            .SetGamepayCustomerId(player) // clean precision-pseudonym
            .SetGamepayAgentId(pseudonymizer.PseudonymizeGamepayAgentId(request.SupportAgentId)) // clean precision-pseudonym
            .SetGamepayAmount(request.AmountCents / 100.0) // clean precision-about
            .SetGamepayCurrency(request.Currency); // clean direct
        span.Activity?.SetTag("gamepay.sku", request.Sku); // clean precision-names
        span.Activity?.SetTag("gamepay.refund.reason", request.Reason); // clean direct
        span.Activity?.SetTag("gamepay.player.gamertag", request.Gamertag); // leak TC1001 direct
        logger.LogInformation("Refund requested {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Refund of {Sku} requested for receipt {Receipt} ({Reason})", request.Sku, request.ReceiptNumber, request.Reason); // clean precision-names

        var refund = await payments.CreateRefundAsync(new RefundRequest(request.AmountCents, paymentId, request.AmountCents, $"REF {request.ReceiptNumber}", new() { ["player_id"] = request.PlayerId.ToString() }), ct);
        span.SetGamepayReference(refund.Reference ?? refund.Id); // clean generated-api
        span.Activity?.SetTag("gamepay.refund.id", refund.Id); // clean precision-names
        logger.LogInformation("Refund {Refund} created for player {Player}", refund.Id, request.PlayerId); // leak TC1001 direct
        logger.LogDebug("Refund metadata {Metadata}", string.Join(",", refund.Metadata.Select(m => m.Key + "=" + m.Value))); // leak TC1001 strings
        logger.LogDebug("Refund metadata keys {Keys}", string.Join(",", refund.Metadata.Keys)); // clean strings

        RefundsBySku.Add(1, new KeyValuePair<string, object?>("gamepay.sku", request.Sku), new KeyValuePair<string, object?>("gamepay.currency", request.Currency)); // clean direct
        _playerRefunds.Add(1, player, "refunded"); // leak TC1003 generated-api
        _postings.Add(1, "refund", "refunded", request.Currency); // clean generated-api
        return refund;
    }

    public void OnChargeback(Chargeback chargeback)
    {
        using var span = Source.StartGamepayCollect("chargeback")
            .SetGamepayAmount(chargeback.AmountCents / 100.0) // clean precision-about
            .SetGamepayReference(chargeback.DisputeId); // clean generated-api
        span.Activity?.SetTag("gamepay.chargeback.reason", chargeback.ReasonCode); // clean direct
        span.Activity?.SetTag("gamepay.card.last4", chargeback.CardLast4); // clean precision-about
        span.SetGamepayNote($"chargeback {chargeback.ReasonCode} by {chargeback.CardholderName}"); // leak TC1001 generated-api
        span.Activity?.SetTag("gamepay.player.bucket", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, chargeback.PlayerId.ToByteArray()))[..2]); // clean hashes
        span.Activity?.SetTag("gamepay.player.md5", Convert.ToHexString(MD5.HashData(chargeback.PlayerId.ToByteArray()))); // leak TC1002 hashes
        Chargebacks.Add(1, new KeyValuePair<string, object?>("gamepay.reason", chargeback.ReasonCode)); // clean direct
        Chargebacks.Add(1, new KeyValuePair<string, object?>("gamepay.player", chargeback.PlayerId)); // leak TC1003 direct
        logger.LogWarning("Chargeback {Chargeback}", chargeback); // leak TC1001 logging-objects
        logger.LogWarning("Chargeback {Dispute} on receipt {Receipt}: {Reason}, {Amount} cents", chargeback.DisputeId, chargeback.ReceiptNumber, chargeback.ReasonCode, chargeback.AmountCents); // clean precision-names
        logger.LogGamepayPaymentFailedEvent("chargeback", chargeback.ReasonCode, pseudonymizer.PseudonymizeGamepayCustomerId(chargeback.PlayerId.ToString()), chargeback.DisputeId); // clean precision-pseudonym
    }
}
