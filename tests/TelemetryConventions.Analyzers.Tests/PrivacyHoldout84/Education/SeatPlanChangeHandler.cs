namespace PrivacyHoldout84.Education;

public sealed record ChangePlanCommand(string SubscriptionId, string CustomerId, string LearnerNumber, string NewPriceId, IReadOnlyList<string> SeatEmails, string? PromotionCode);

public sealed record PlanChangeResult(string SubscriptionId, string OldPriceId, string NewPriceId, long ProratedAmount, string Currency, DateTimeOffset ProrationDate);

/// <summary>Moves a learner's course subscription to another plan (monthly to annual, solo to team seats), with proration.</summary>
public sealed partial class SeatPlanChangeHandler(
    ILogger<SeatPlanChangeHandler> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BillboxClient billing,
    IEntitlementClient lms,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _planChanges = meter.CreateCounter<long>("courses.plan.changes");

    public async Task<PlanChangeResult> HandleAsync(ChangePlanCommand command, CancellationToken ct)
    {
        var subscription = await billing.GetSubscriptionAsync(command.SubscriptionId, ct);
        var oldPrice = subscription.Items[0].Price;
        var prorationDate = DateTimeOffset.UtcNow;

        using var span = source.StartCoursesubRenewal(command.NewPriceId)
            .SetCoursesubCustomerId(pseudonymizer.PseudonymizeCoursesubCustomerId(command.CustomerId)) // clean precision-pseudonym
            .SetCoursesubSubscriptionStatus(subscription.Status);
        Activity.Current?.SetTag("courses.plan.from", oldPrice.Id); // clean precision-about
        Activity.Current?.SetTag("courses.proration.date", prorationDate.ToUnixTimeSeconds()); // clean precision-about
        Activity.Current?.SetTag("courses.learner", command.LearnerNumber); // leak TC1001 direct

        string? promotionId = null;
        if (command.PromotionCode is { Length: > 0 } typed)
        {
            var promotion = await billing.FindPromotionCodeAsync(typed, ct);
            if (promotion is null)
            {
                logger.LogInformation("Promotion code {Code} not found", typed); // leak TC1001 direct
            }
            else if (promotion.OwnerCustomerId is null)
            {
                logger.LogInformation("Campaign code {Code} applied: {PercentOff}% for {Duration}", promotion.Code, promotion.Coupon.PercentOff, promotion.Coupon.Duration); // clean precision-about
                promotionId = promotion.Id;
            }
            else
            {
                logger.LogInformation("Referral code {Code} of another learner applied", promotion.Code); // leak TC1001 cross-member
                Activity.Current?.SetTag("courses.referral.owner", pseudonymizer.ComputeCoursesubCustomerId(promotion.OwnerCustomerId)); // clean precision-pseudonym
                promotionId = promotion.Id;
            }
        }

        var update = new SubscriptionUpdate(command.NewPriceId, "create_prorations", prorationDate, promotionId);
        var preview = await billing.PreviewInvoiceAsync(command.CustomerId, command.SubscriptionId, update, ct);
        var prorated = preview.Lines.Where(l => l.Proration).Sum(l => l.Amount);
        span.SetCoursesubAmount(prorated).SetCoursesubCurrency(preview.Currency); // clean generated-api
        LogProrationPreview(logger, oldPrice.Id, command.NewPriceId, prorated, preview.Currency, prorationDate); // clean precision-about
        logger.LogDebug("Proration preview {@Preview}", preview); // leak TC1001 logging-objects

        await billing.UpdateSubscriptionAsync(command.SubscriptionId, update, ct);
        Activity.Current?.SetTag("courses.seats.assigned", command.SeatEmails.ToArray()); // leak TC1001 direct
        _planChanges.Add(1, new("from", oldPrice.Id), new("to", command.NewPriceId), new("seats", command.SeatEmails.Count)); // clean precision-about

        var change = new EntitlementChange(command.SubscriptionId, command.LearnerNumber, ["course-library", "certificates"], [], prorationDate);
        try
        {
            var synced = await lms.ApplyAsync(change, ct);
            Activity.Current?.AddEvent(new ActivityEvent("entitlements.synced", tags: new ActivityTagsCollection { ["granted"] = synced.Granted, ["lag.ms"] = synced.Lag.TotalMilliseconds })); // clean precision-about
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "LMS entitlement sync failed for change {Change}", change); // leak TC1001 logging-objects
            var cohort = KeyedShard.Of(secrets.ShardKey, command.CustomerId, 8);
            Activity.Current?.SetTag("courses.resync.cohort", cohort); // clean hashes
        }

        return new PlanChangeResult(command.SubscriptionId, oldPrice.Id, command.NewPriceId, prorated, preview.Currency, prorationDate);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan change {From} -> {To} prorates {Amount} {Currency} from {ProrationDate:O}")]
    private static partial void LogProrationPreview(ILogger logger, string from, string to, long amount, string currency, DateTimeOffset prorationDate);
}
