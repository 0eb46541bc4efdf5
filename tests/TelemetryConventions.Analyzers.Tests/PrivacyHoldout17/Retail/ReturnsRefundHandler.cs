using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Retail;

public sealed record ReturnAuthorisation(string RmaNumber, int Version, string OrderNumber, string CustomerNumber, string CustomerEmail, string PaymentIntentId, string CreditNoteNumber, long AmountMinor, string Currency);

public sealed record StoreCreditPosting(Guid EntryId, string LedgerAccount, long AmountMinor, string Currency, string Memo);

public sealed class RefundLimitExceededException(string customerNumber, long refundedThisYear)
    : Exception($"Customer {customerNumber} has already been refunded {refundedThisYear} this year")
{
    public long RefundedThisYear { get; } = refundedThisYear;
}

public interface IRefundPolicy
{
    Task EnsureWithinLimitAsync(ReturnAuthorisation rma, CancellationToken cancellationToken);
}

public interface IStoreCreditLedger
{
    Task PostAsync(StoreCreditPosting posting, CancellationToken cancellationToken);
}

/// <summary>Refunds approved returns to the card, or as store credit when the customer chose it.</summary>
public sealed class ReturnsRefundHandler(
    Stripe.RefundService refunds,
    IRefundPolicy policy,
    IStoreCreditLedger storeCredit,
    Pseudonymizer pseudonymizer,
    ILogger<ReturnsRefundHandler> logger)
{
    private static readonly ActivitySource Source = new("Shop.Returns.Refunds");

    public async Task<string?> RefundToCardAsync(ReturnAuthorisation rma, CancellationToken cancellationToken)
    {
        using var span = Source.StartBillingCharge("stripe", "billing.refund").SetBillingPayerId(pseudonymizer.PseudonymizeBillingPayerId(rma.CustomerNumber)).SetBillingDocumentNumber(rma.CreditNoteNumber).SetBillingAmount(rma.AmountMinor).SetBillingCurrency(rma.Currency); // clean precision-pseudonym
        var idempotencyKey = $"refund:{rma.RmaNumber}:v{rma.Version}";
        span.Activity?.SetTag("refund.idempotency_key", idempotencyKey); // clean precision-names

        await policy.EnsureWithinLimitAsync(rma, cancellationToken);
        try
        {
            var refund = await refunds.CreateAsync(
                new RefundCreateOptions { PaymentIntent = rma.PaymentIntentId, Amount = rma.AmountMinor, Reason = "requested_by_customer", Metadata = new() { ["rma"] = rma.RmaNumber } },
                new RequestOptions { IdempotencyKey = idempotencyKey },
                cancellationToken);
            logger.LogInformation("Refund {RefundId} for credit note {CreditNoteNumber}: {Amount} {Currency}", refund.Id, rma.CreditNoteNumber, refund.Amount, refund.Currency); // clean precision-names
            return refund.Id;
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "charge_already_refunded")
        {
            // "Charge ch_3Nf… has already been refunded."
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }
        catch (StripeException ex)
        {
            span.SetBillingOutcome($"refund failed: {ex.StripeError?.Code}"); // clean generated-api
            logger.LogError("Refund of {RmaNumber} to {CustomerEmail} failed with {Code}", rma.RmaNumber, rma.CustomerEmail, ex.StripeError?.Code); // leak TC1001 direct
            throw;
        }
    }

    public async Task RefundAsStoreCreditAsync(ReturnAuthorisation rma, CancellationToken cancellationToken)
    {
        var posting = new StoreCreditPosting(Guid.NewGuid(), $"storecredit:{rma.CustomerNumber}", rma.AmountMinor, rma.Currency, $"RMA {rma.RmaNumber}");
        await storeCredit.PostAsync(posting, cancellationToken);
        logger.LogInformation("Store credit posted {Posting}", posting); // leak TC1001 logging-objects
        logger.LogInformation("Store credit {EntryId} of {Amount} {Currency} for {Memo}", posting.EntryId, posting.AmountMinor, posting.Currency, posting.Memo); // clean precision-names
        Activity.Current?.SetTag("ledger.account", posting.LedgerAccount); // leak TC1001 cross-member

        // The loss-prevention dashboard groups store credit by a short customer key.
        var customerKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(rma.CustomerNumber)))[..10];
        Activity.Current?.SetTag("ledger.customer_key", customerKey); // leak TC1002 hashes
        Activity.Current?.SetTag("ledger.customer_domain", rma.CustomerEmail[(rma.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about
    }
}

[ApiController]
[Route("api/returns")]
public sealed class ReturnsController(ReturnsRefundHandler handler, ILogger<ReturnsController> logger) : ControllerBase
{
    [HttpPost("{rmaNumber}/refund")]
    public async Task<ActionResult> Refund(string rmaNumber, [FromBody] ReturnAuthorisation rma, CancellationToken cancellationToken)
    {
        try
        {
            var refundId = await handler.RefundToCardAsync(rma, cancellationToken);
            return Ok(new { rmaNumber, refundId });
        }
        catch (RefundLimitExceededException ex)
        {
            logger.LogWarning(ex, "Refund refused for RMA {RmaNumber}", rmaNumber); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return BadRequest(ex.Message);
        }
    }
}

/// <summary>Refuses refunds over the yearly limit per customer.</summary>
public sealed class YearlyRefundPolicy(IRefundTotals totals) : IRefundPolicy
{
    public async Task EnsureWithinLimitAsync(ReturnAuthorisation rma, CancellationToken cancellationToken)
    {
        var refunded = await totals.RefundedThisYearAsync(rma.CustomerNumber, cancellationToken);
        if (refunded + rma.AmountMinor > 100_000)
        {
            throw new RefundLimitExceededException(rma.CustomerNumber, refunded);
        }
    }
}

public interface IRefundTotals
{
    Task<long> RefundedThisYearAsync(string customerNumber, CancellationToken cancellationToken);
}
