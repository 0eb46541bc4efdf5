namespace PrivacyHoldout99.Retail;

public sealed record ReturnAuthorisation(string RmaNumber, string OrderNumber, string CustomerNumber, string LoyaltyCardNumber, string Email, string StoreId, string PaymentIntentId, long RefundPence, bool ToStoreCredit);

/// <summary>Refunds returns to the original card, or to store credit, and emails the refund receipt.</summary>
public sealed class ReturnsRefundService(
    IRefundClient refunds,
    IReceiptMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<ReturnsRefundService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Returns.Refunds");
    private static readonly Meter Meter = new("Shop.Returns.Refunds");
    private static readonly Counter<long> Refunded = Meter.CreateCounter<long>("returns.refunded", "p");

    public async Task RefundAsync(ReturnAuthorisation rma, CancellationToken ct)
    {
        using var span = Source.StartShoppayPayment(rma.PaymentIntentId).SetShoppayAmount(rma.RefundPence); // clean precision-about
        span.Activity?.SetTag("return.rma", rma.RmaNumber); // clean precision-names
        span.Activity?.SetTag("return.store", rma.StoreId);
        span.Activity?.SetTag("return.loyalty_card", rma.LoyaltyCardNumber); // leak TC1001 direct
        span.Activity?.SetTag("return.loyalty_card.last4", rma.LoyaltyCardNumber[^4..]);
        logger.LogInformation("Return {Rma}", rma); // leak TC1001 logging-objects

        if (rma.ToStoreCredit)
        {
            var ledgerAccount = $"storecredit:{rma.CustomerNumber}";
            logger.LogInformation("Crediting {Amount} to {LedgerAccount}", rma.RefundPence, ledgerAccount); // leak TC1001 strings
            logger.LogInformation("Crediting {Amount} to store credit for return {Rma}", rma.RefundPence, rma.RmaNumber); // clean precision-names
            Refunded.Add(rma.RefundPence, new KeyValuePair<string, object?>("to", "store_credit"), new KeyValuePair<string, object?>("store", rma.StoreId));
            return;
        }

        try
        {
            var refund = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = rma.PaymentIntentId, Amount = rma.RefundPence, Metadata = { ["rma"] = rma.RmaNumber } }, new RequestOptions { IdempotencyKey = $"refund:{rma.RmaNumber}" }, ct);
            span.SetShoppayPaymentId(refund.Id).SetShoppayOutcome(refund.Status);
            span.Activity?.SetTag("refund.metadata", string.Join(";", refund.Metadata.Select(kv => $"{kv.Key}={kv.Value}"))); // clean strings
            Refunded.Add(rma.RefundPence, new KeyValuePair<string, object?>("to", "card"), new KeyValuePair<string, object?>("store", rma.StoreId)); // clean precision-names

            var receipt = new Receipt($"RF-{rma.RmaNumber}", DateTimeOffset.UtcNow, -rma.RefundPence, "GBP", "visa", "4242", rma.Email, [new ReceiptLine($"Refund for order {rma.OrderNumber}", 1, -rma.RefundPence, 0)]);
            span.Activity?.SetTag("receipt.number", receipt.Number);
            span.Activity?.SetTag("receipt.lines", receipt.Lines.Count); // clean precision-about
            span.SetShoppayNote($"return by {rma.Email}"); // leak TC1001 generated-api
            logger.LogInformation("Refunding order {Order}", rma.OrderNumber); // clean cross-member
            await mailer.SendAsync(receipt, rma.Email, ct);
            logger.LogInformation("Refund receipt {@Receipt}", receipt); // leak TC1001 logging-objects
            logger.LogInformation("Refund receipt {Number} for {Total} sent, card {Brand} {Last4}", receipt.Number, receipt.Total, receipt.CardBrand, receipt.CardLast4);
        }
        catch (MailRejectedException ex)
        {
            span.SetShoppayNote(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Receipt mail rejected: {Reason}", ex.Reason); // clean exceptions
        }
        catch (PaymentProviderException ex)
        {
            span.Activity?.SetTag(ShoppayAttributes.CustomerContact, pseudonymizer.Compute("customer-contact", rma.Email)); // leak TC1001 precision-pseudonym
            logger.LogError(ex, "Refund for {Rma} failed with {Code}", rma.RmaNumber, ex.Code); // clean exceptions
        }
    }
}
