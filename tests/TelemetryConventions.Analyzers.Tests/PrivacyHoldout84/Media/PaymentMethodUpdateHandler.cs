namespace PrivacyHoldout84.Media;

public sealed record PaymentMethodUpdated(string CustomerId, string PaymentMethodId, string? PastDueInvoiceId, string Source);

/// <summary>Sets a subscriber's new default payment method and retries the past-due invoice with it.</summary>
public sealed partial class PaymentMethodUpdateHandler(
    ILogger<PaymentMethodUpdateHandler> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    BillboxClient billing)
{
    private static readonly Meter UpdatesMeter = new("Streaming.PaymentMethods");
    private static readonly Counter<long> Updates = UpdatesMeter.CreateCounter<long>("payment_method.updates");

    private PaymentMethod? _lastMethod;

    public async Task HandleAsync(PaymentMethodUpdated updated, CancellationToken ct)
    {
        using var span = source.StartStreamsubWebhook("payment_method.attached")
            .SetStreamsubCustomerId(pseudonymizer.PseudonymizeStreamsubCustomerId(updated.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("payment_method.id", updated.PaymentMethodId); // clean precision-about
        Activity.Current?.SetTag("payment_method.idempotency", HashCode.Combine(updated.CustomerId, updated.PaymentMethodId)); // leak TC1002 hashes
        Updates.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeStreamsubCustomerId(updated.CustomerId))); // leak TC1003 precision-pseudonym

        var method = await billing.GetPaymentMethodAsync(updated.PaymentMethodId, ct);
        _lastMethod = method;
        LogCard(logger, method.Card?.Brand, method.Card?.Last4, method.Card?.ExpMonth, method.Card?.ExpYear); // clean precision-about
        logger.LogInformation("Card details {Card}", method.Card); // clean logging-objects
        logger.LogInformation("New payment method {Method}", method); // leak TC1001 logging-objects
        Updates.Add(1, new KeyValuePair<string, object?>("type", method.Type), new KeyValuePair<string, object?>("brand", method.Card?.Brand), new KeyValuePair<string, object?>("source", updated.Source)); // clean precision-about

        var holder = method.BillingDetails.Name;
        if (holder is not null)
        {
            LogHolderMismatch(logger, holder); // leak TC1001 direct
        }
        Activity.Current?.SetTag("payment_method.billing_postcode", method.BillingDetails.Address?.PostalCode); // leak TC1001 direct
        Activity.Current?.SetTag("payment_method.billing_country", method.BillingDetails.Address?.Country); // clean precision-about

        if (updated.PastDueInvoiceId is { } invoiceId)
        {
            try
            {
                var invoice = await billing.PayInvoiceAsync(invoiceId, ct);
                span.SetStreamsubOutcome("past_due_recovered");
                logger.LogInformation("Recovered invoice {Number}: {Paid} {Currency} on attempt {Attempt}", invoice.Number, invoice.AmountPaid, invoice.Currency, invoice.AttemptCount); // clean precision-about
            }
            catch (CardException ex)
            {
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                Activity.Current?.AddException(ex); // clean exceptions
                logger.LogStreamsubPaymentFailedEvent(ex.DeclineCode, 1, streamsubNote: $"retry with new card failed for {method.BillingDetails.Email}"); // leak TC1001 generated-api
            }
        }
    }

    public void DumpState() =>
        logger.LogDebug("Last payment method billing details: {Details}", _lastMethod?.BillingDetails); // leak TC1001 cross-member

    [LoggerMessage(Level = LogLevel.Information, Message = "Card {Brand} •••• {Last4} exp {ExpMonth}/{ExpYear}")]
    private static partial void LogCard(ILogger logger, string? brand, string? last4, int? expMonth, int? expYear);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card holder {Holder} differs from the account holder")]
    private static partial void LogHolderMismatch(ILogger logger, string holder);
}
