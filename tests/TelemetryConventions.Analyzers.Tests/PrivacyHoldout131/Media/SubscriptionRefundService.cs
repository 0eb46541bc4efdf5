namespace PrivacyHoldout131.Media;

public sealed record Cancellation(Guid SubscriberId, string Email, string Plan, string Territory, decimal MonthlyPrice, int DaysUsed, int DaysInPeriod, string PaymentId, string? DeviceId);

/// <summary>Pro rata refunds when a subscriber cancels in the first days of a billing period.</summary>
public sealed partial class SubscriptionRefundService(
    IRefundGateway gateway,
    Pseudonymizer pseudonymizer,
    ILogger<SubscriptionRefundService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Billing.Refunds");
    private static readonly Meter Meter = new("Streaming.Billing.Refunds");
    private static readonly Histogram<double> ProRata = Meter.CreateHistogram<double>("billing.refund.pro_rata", "GBP");
    private readonly SubrefundRefundsCounter _refunds = Meter.CreateSubrefundRefundsCounter();

    public async Task<RefundResult?> RefundAsync(Cancellation cancellation, CancellationToken ct)
    {
        using var span = Source.StartSubrefundCase($"CXL-{cancellation.PaymentId}");
        span.SetSubrefundClaimantId(pseudonymizer.PseudonymizeSubrefundClaimantId(cancellation.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetSubrefundRegion(cancellation.Territory); // clean precision-names
        Activity.Current?.SetTag("billing.plan", cancellation.Plan); // clean precision-names
        Activity.Current?.SetTag("billing.device", cancellation.DeviceId); // leak TC1001 direct
        Baggage.SetBaggage("subscriber", pseudonymizer.ComputeSubrefundClaimantId(cancellation.SubscriberId.ToString())); // clean precision-pseudonym

        var unused = cancellation.DaysInPeriod - cancellation.DaysUsed;
        logger.LogInformation("Cancellation received {@Cancellation}", cancellation); // leak TC1001 logging-objects
        var amount = Math.Round(cancellation.MonthlyPrice * unused / cancellation.DaysInPeriod, 2);
        if (amount <= 0)
        {
            _refunds.Add(1, cancellation.Territory, "nothing-due"); // clean generated-api
            return null;
        }

        try
        {
            var refund = await gateway.RefundAsync(new RefundRequest(cancellation.PaymentId, amount, "GBP", RefundDestination.OriginalPayment, cancellation.SubscriberId.ToString("N"), new Dictionary<string, string>()), ct);
            ProRata.Record((double)amount, new KeyValuePair<string, object?>("plan", cancellation.Plan), new KeyValuePair<string, object?>("days_used", cancellation.DaysUsed)); // clean precision-about
            LogRefunded(logger, refund.RefundId, cancellation.SubscriberId); // leak TC1001 direct
            logger.LogInformation("Refund confirmation sent to {Email}", cancellation.Email); // leak TC1001 direct
            span.Activity?.SetTag(SubrefundAttributes.Contact, cancellation.Email); // leak TC1001 generated-api
            _refunds.Add(1, cancellation.Territory, "refunded"); // clean generated-api
            return refund;
        }
        catch (OriginalPaymentUnavailableException ex)
        {
            logger.LogWarning(ex, "Original card unavailable for pro rata refund"); // leak TC1001 exceptions
            span.SetSubrefundOutcome("card-closed"); // clean precision-names
            return null;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Pro rata refund {RefundId} for subscriber {SubscriberId}")]
    private static partial void LogRefunded(ILogger logger, string refundId, Guid subscriberId);
}
