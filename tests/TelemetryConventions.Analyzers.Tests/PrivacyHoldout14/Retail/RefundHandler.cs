using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Retail;

public sealed record RefundRequested(string RefundId, string OrderId, string CustomerNumber, string CustomerEmail, decimal Amount, string Reason);

public sealed class RefundFailedException(string message, Exception? inner = null) : Exception(message, inner);

public interface IRefundLedger
{
    Task<string> IssueAsync(string orderId, decimal amount, CancellationToken cancellationToken);
}

public sealed class RefundHandler(
    IRefundLedger ledger,
    ILogger<RefundHandler> logger,
    Pseudonymizer pseudonymizer) : IMessageHandler<RefundRequested>
{
    public async Task HandleAsync(MessageContext<RefundRequested> context, CancellationToken cancellationToken)
    {
        var refund = context.Message;
        using var activity = ShopTelemetry.Source.StartActivity("refund.issue", ActivityKind.Consumer);
        var customerRef = new Lazy<string>(() => pseudonymizer.ComputeShopCustomerId(refund.CustomerNumber));

        void Note(string key, object? value) => activity?.SetTag($"refund.{key}", value);

        Note("id", refund.RefundId); // clean cross-member
        Note("amount", (double)refund.Amount); // clean cross-member
        Note("reason", refund.Reason); // clean cross-member
        Note("customer", refund.CustomerNumber); // leak TC1001 cross-member

        Baggage.SetBaggage("shop.customer.ref", customerRef.Value); // clean precision-pseudonym
        activity?.SetTag("messaging.delivery.count", context.DeliveryCount);

        // Deduplicates retried refunds in the support dashboard.
        var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{refund.CustomerNumber}:{refund.OrderId}")));
        activity?.SetTag("refund.dedupe_key", dedupeKey); // leak TC1002 hashes

        try
        {
            var reference = await IssueAsync(refund, cancellationToken);
            activity?.SetTag("refund.ledger.reference", reference); // clean precision-about
        }
        catch (RefundFailedException ex)
        {
            logger.LogError(ex, "Refund {RefundId} failed", refund.RefundId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.InnerException?.Message); // clean exceptions
            activity?.AddEvent(new ActivityEvent("refund.failed", tags: new() { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
        }
    }

    private async Task<string> IssueAsync(RefundRequested refund, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.IssueAsync(refund.OrderId, refund.Amount, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new RefundFailedException($"Refund of {refund.Amount} to customer {refund.CustomerEmail} timed out", ex);
        }
    }
}
