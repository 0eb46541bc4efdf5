namespace PrivacyHoldout84.Media;

public sealed record CancelIntent(string SubscriptionId, string CustomerId, string Email, string PriceId, string ReasonCode, string? TypedReason, int MonthsSubscribed);

public sealed class RetentionOfferDeclinedException(string subscriptionId, string offer) : Exception($"Offer {offer} declined on {subscriptionId}")
{
    public string Offer { get; } = offer;
}

/// <summary>The cancel flow: a retention coupon first, then the cancellation with the subscriber's reason.</summary>
public sealed class RetentionOfferFlow(ILogger<RetentionOfferFlow> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, BillboxClient billing)
{
    private const string RetentionCoupon = "RET50-3M";

    private readonly Counter<long> _offers = meter.CreateCounter<long>("streaming.retention.offers");
    private readonly Dictionary<string, string> _typedReasons = new();

    public async Task<bool> OfferAsync(CancelIntent intent, bool accepted, CancellationToken ct)
    {
        using var span = source.StartStreamsubRenewal(intent.PriceId)
            .SetStreamsubCustomerId(pseudonymizer.PseudonymizeStreamsubCustomerId(intent.CustomerId)); // clean precision-pseudonym
        _offers.Add(1, new KeyValuePair<string, object?>("coupon", RetentionCoupon), new KeyValuePair<string, object?>("accepted", accepted), new KeyValuePair<string, object?>("tenure_band", intent.MonthsSubscribed switch { < 6 => "0-5", < 24 => "6-23", _ => "24+" })); // clean precision-about

        if (accepted)
        {
            await billing.UpdateSubscriptionAsync(intent.SubscriptionId, new SubscriptionUpdate(intent.PriceId, "none", null, "promo_" + RetentionCoupon), ct);
            span.SetStreamsubOutcome("retained");
            return true;
        }

        var declined = new RetentionOfferDeclinedException(intent.SubscriptionId, RetentionCoupon);
        span.RecordException(declined, includeMessage: true); // clean exceptions

        if (intent.TypedReason is { } typed)
        {
            _typedReasons[intent.Email] = typed;
            Activity.Current?.SetTag("cancel.reason.typed", typed); // leak TC1001 direct
        }
        var subscription = await billing.CancelSubscriptionAsync(intent.SubscriptionId, new CancellationDetails("cancellation_requested", intent.ReasonCode, intent.TypedReason), atPeriodEnd: true, ct);
        logger.LogInformation("Cancelled {SubscriptionId} at period end {PeriodEnd:d}, reason {Reason}", subscription.Id, subscription.CurrentPeriodEnd, intent.ReasonCode); // clean precision-about
        logger.LogInformation("Cancel intent {Intent}", intent); // leak TC1001 logging-objects
        Activity.Current?.SetStatus(ActivityStatusCode.Ok, $"cancelled for {intent.Email}"); // leak TC1001 strings
        meter.CreateStreamsubRenewalsCounter().Add(1, intent.PriceId, intent.TypedReason ?? intent.ReasonCode); // leak TC1003 generated-api
        return false;
    }

    public void Flush()
    {
        logger.LogInformation("{Count} typed reasons collected", _typedReasons.Count); // clean precision-about
        logger.LogInformation("Typed reasons by subscriber: {Reasons}", _typedReasons); // leak TC1001 cross-member
        _typedReasons.Clear();
    }
}
