namespace PrivacyHoldout99.Transport;

public sealed record DelayRepayClaim(string ClaimId, string RiderAccountId, string RiderEmail, string TravelCardNumber, string PaymentIntentId, string ServiceId, int MinutesLate, long RefundPence);

public sealed class ClaimRejectedException(string claimId, string travelCardNumber)
    : Exception($"Claim {claimId}: card {travelCardNumber} has no journey on the delayed service")
{
}

/// <summary>Delay Repay: pays back part of the fare of a delayed journey to the card it was bought with, and sends the refund receipt.</summary>
public sealed partial class DelayRepayRefundService(
    IRefundClient refunds,
    IReceiptMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<DelayRepayRefundService> logger)
{
    private static readonly ActivitySource Source = new("Transit.DelayRepay");
    private static readonly Meter Meter = new("Transit.DelayRepay");
    private readonly FarepayPaymentDurationHistogram _duration = Meter.CreateFarepayPaymentDurationHistogram();

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Delay Repay claim {ClaimId} for card {TravelCardNumber}: {MinutesLate} minutes late")]
    private partial void LogClaim(string claimId, string travelCardNumber, int minutesLate);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Delay Repay refund receipt for {ClaimId} sent to {RiderEmail}")]
    private partial void LogReceiptSent(string claimId, [PrivateData] string riderEmail);

    public async Task PayAsync(DelayRepayClaim claim, CancellationToken ct)
    {
        using var span = Source.StartFarepayPayment(claim.PaymentIntentId).SetFarepayAmount(claim.RefundPence); // clean precision-about
        span.SetFarepayRiderId(pseudonymizer.PseudonymizeFarepayRiderId(claim.RiderAccountId)); // clean precision-pseudonym
        span.Activity?.SetTag("claim.id", claim.ClaimId); // clean precision-names
        span.Activity?.SetTag("claim.service", claim.ServiceId);
        span.Activity?.SetTag("claim.minutes_late", claim.MinutesLate);
        span.Activity?.SetTag("claim.summary", $"{claim.ServiceId}+{claim.MinutesLate}m"); // clean strings
        LogClaim(claim.ClaimId, claim.TravelCardNumber, claim.MinutesLate); // leak TC1001 logging-objects
        Baggage.SetBaggage("delayrepay.rider", claim.RiderAccountId); // leak TC1001 direct

        var started = Stopwatch.GetTimestamp();
        try
        {
            var refund = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = claim.PaymentIntentId, Amount = claim.RefundPence, Reason = "delay_repay", Metadata = { ["claim"] = claim.ClaimId, ["card"] = claim.TravelCardNumber } }, new RequestOptions { IdempotencyKey = $"delayrepay:{claim.ClaimId}" }, ct);
            span.SetFarepayPaymentId(refund.Id).SetFarepayOutcome("refunded");
            logger.LogInformation("Refund metadata {Metadata}", string.Join(", ", refund.Metadata.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 strings
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "refund", "refunded"); // clean generated-api

            var receipt = new Receipt($"DR-{claim.ClaimId}", DateTimeOffset.UtcNow, claim.RefundPence, "GBP", "mastercard", claim.TravelCardNumber[^4..], claim.RiderEmail, [new ReceiptLine($"Delay Repay {claim.ServiceId}", 1, claim.RefundPence, 0)]);
            await mailer.SendAsync(receipt, claim.RiderEmail, ct);
            LogReceiptSent(claim.ClaimId, claim.RiderEmail);
            logger.LogInformation("Receipt {Number} sent", receipt.Number); // clean cross-member
            span.Activity?.AddEvent(new ActivityEvent("receipt.sent", tags: new ActivityTagsCollection { ["receipt.number"] = receipt.Number, ["receipt.card_last4"] = receipt.CardLast4 })); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("receipt.sent", tags: new ActivityTagsCollection { ["receipt.to"] = receipt.RecipientEmail })); // leak TC1001 cross-member
        }
        catch (ClaimRejectedException ex)
        {
            span.SetFarepayOutcome("rejected").SetFarepayNote(ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Claim {ClaimId} rejected ({Type})", claim.ClaimId, ex.GetType().Name); // clean exceptions
        }
        catch (PaymentProviderException ex) when (ex.Code == "charge_already_refunded")
        {
            span.SetFarepayOutcome("already_refunded").RecordException(ex, includeMessage: true); // clean exceptions
        }
    }
}
