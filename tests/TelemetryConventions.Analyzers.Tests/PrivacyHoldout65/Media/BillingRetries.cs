using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.Buffering;

namespace PrivacyHoldout65.Media;

public sealed record Invoice(string InvoiceId, Guid SubscriberId, string Email, string Plan, decimal Amount, string Currency, string CardLast4, int Attempt);

public sealed class PaymentDeclinedException(string declineCode, string cardLast4) : Exception($"Card ending {cardLast4} declined ({declineCode})")
{
    public string DeclineCode { get; } = declineCode;
}

public sealed class PaymentAccountException(string message) : Exception(message);

public interface IPaymentProvider
{
    Task<string> ChargeAsync(Invoice invoice, CancellationToken ct);
}

/// <summary>Retries failed subscription payments overnight. Debug lines are buffered and flushed when a retry fails.</summary>
public sealed class BillingRetryJob(
    ILogger<BillingRetryJob> logger,
    LogBuffer buffer,
    IPaymentProvider payments,
    IRedactorProvider redactors,
    Pseudonymizer pseudonymizer,
    ActivitySource source)
{
    private static readonly Action<ILogger, string, string, decimal, string, int, string, Exception?> s_retrying =
        LoggerMessage.Define<string, string, decimal, string, int, string>(LogLevel.Information, new EventId(7201, "PaymentRetry"), "Retrying invoice {InvoiceId} on {Plan}: {Amount} {Currency}, attempt {Attempt}, card {CardLast4}");

    private static readonly Action<ILogger, string, string, Exception?> s_receiptSent =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(7202, "ReceiptSent"), "Receipt for {InvoiceId} sent to {Email}");

    private static readonly Func<ILogger, string, Guid, IDisposable?> s_invoiceScope =
        LoggerMessage.DefineScope<string, Guid>("Invoice {InvoiceId} of subscriber {SubscriberId}");

    private readonly Redactor _personal = redactors.GetRedactor(PlatformTaxonomy.Personal);

    public async Task RetryAsync(Invoice invoice, CancellationToken ct)
    {
        using var scope = s_invoiceScope(logger, invoice.InvoiceId, invoice.SubscriberId); // leak TC1001 direct
        using var activity = source.StartActivity("billing.retry");
        activity?.SetTag("billing.invoice.id", invoice.InvoiceId); // clean direct
        activity?.SetTag(StreamAttributes.SubscriberId, pseudonymizer.ComputeStreamSubscriberId(invoice.SubscriberId.ToString())); // clean precision-pseudonym
        activity?.SetTag(StreamAttributes.SubscriberEmail, pseudonymizer.Pseudonymize("subscriber_email", invoice.Email).Value); // leak TC1001 precision-pseudonym
        activity?.SetTag("billing.subscriber.bucket", BitConverter.ToUInt16(SHA256.HashData(invoice.SubscriberId.ToByteArray())) % 64); // leak TC1002 hashes

        s_retrying(logger, invoice.InvoiceId, invoice.Plan, invoice.Amount, invoice.Currency, invoice.Attempt, invoice.CardLast4, null); // clean precision-about
        logger.LogDebug("Charging subscriber {SubscriberEmail} for {InvoiceId}", invoice.Email, invoice.InvoiceId); // leak TC1001 direct
        logger.LogDebug("Charging subscriber {SubscriberEmail} for {InvoiceId}", _personal.Redact(invoice.Email), invoice.InvoiceId); // clean hashes

        try
        {
            var receipt = await payments.ChargeAsync(invoice, ct);
            s_receiptSent(logger, invoice.InvoiceId, invoice.Email, null); // leak TC1001 direct
            s_receiptSent(logger, invoice.InvoiceId, invoice.Email[(invoice.Email.IndexOf('@') + 1)..], null); // clean precision-about
        }
        catch (PaymentDeclinedException ex)
        {
            logger.LogWarning(ex, "Invoice {InvoiceId} declined with {DeclineCode}", invoice.InvoiceId, ex.DeclineCode); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            buffer.Flush();
        }
        catch (PaymentAccountException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            buffer.Flush();
        }
    }
}

/// <summary>The payment provider's client: it reports an account problem with the address the provider holds.</summary>
public sealed class PaymentProviderClient(System.Net.Http.HttpClient http) : IPaymentProvider
{
    public async Task<string> ChargeAsync(Invoice invoice, CancellationToken ct)
    {
        var response = await http.PostAsync($"charges/{invoice.InvoiceId}", null, ct);
        if ((int)response.StatusCode == 409)
        {
            throw new PaymentAccountException($"Customer account {invoice.Email} is closed at the provider");
        }
        if ((int)response.StatusCode == 402)
        {
            throw new PaymentDeclinedException(await response.Content.ReadAsStringAsync(ct), invoice.CardLast4);
        }
        return await response.Content.ReadAsStringAsync(ct);
    }
}
