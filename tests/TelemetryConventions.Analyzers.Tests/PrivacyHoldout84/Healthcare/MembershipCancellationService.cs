namespace PrivacyHoldout84.Healthcare;

public sealed record CancelMembershipRequest(string SubscriptionId, string CustomerId, string MembershipNumber, string ReasonCode, string? Comment, bool RefundUnusedMonths);

/// <summary>Cancels clinic memberships from the member portal, revokes clinic access and refunds unused months.</summary>
public sealed class MembershipCancellationService(
    ILogger<MembershipCancellationService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BillboxClient billing,
    IEntitlementClient entitlements)
{
    private static readonly string[] KnownReasons = ["too_expensive", "moving_away", "switched_provider", "unused", "other"];

    private readonly Histogram<double> _refunded = meter.CreateHistogram<double>("clinic.membership.refund.amount", "GBP");

    public async Task CancelAsync(CancelMembershipRequest request, CancellationToken ct)
    {
        using var span = source.StartClinicsubRenewal("cancellation")
            .SetClinicsubCustomerId(pseudonymizer.PseudonymizeClinicsubCustomerId(request.CustomerId)); // clean precision-pseudonym
        if (request.Comment is { Length: > 0 } comment)
        {
            span.SetClinicsubNote(comment); // leak TC1001 generated-api
        }
        var reason = KnownReasons.Contains(request.ReasonCode) ? request.ReasonCode : "other";
        Activity.Current?.SetTag("membership.cancel.reason", reason); // clean precision-about
        Activity.Current?.SetTag("membership.cancel.comment_length", request.Comment?.Length ?? 0); // clean precision-about
        logger.LogInformation("Member {MembershipNumber} cancels: {Comment}", request.MembershipNumber, request.Comment); // leak TC1001 direct

        var subscription = await billing.CancelSubscriptionAsync(request.SubscriptionId, new CancellationDetails("cancellation_requested", reason, request.Comment), atPeriodEnd: !request.RefundUnusedMonths, ct);
        span.SetClinicsubSubscriptionStatus(subscription.Status);

        try
        {
            var result = await entitlements.ApplyAsync(new EntitlementChange(subscription.Id, request.MembershipNumber, [], ["gp-same-day", "physio-4"], subscription.CurrentPeriodEnd), ct);
            logger.LogInformation("Entitlements synced {Result}", result); // clean logging-objects
        }
        catch (EntitlementConflictException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Entitlement conflict on feature {Feature}", ex.Feature); // clean exceptions
        }

        if (request.RefundUnusedMonths && subscription.LatestInvoiceId is { } invoiceId)
        {
            var months = Math.Max(0, (int)((subscription.CurrentPeriodEnd - DateTimeOffset.UtcNow).TotalDays / 30));
            var note = await billing.CreateCreditNoteAsync(invoiceId, months * 4_500L, "order_change", $"Unused months refunded to {request.MembershipNumber}", ct);
            logger.LogInformation("Credit note {Number} for {Amount} {Currency} against invoice {InvoiceId}", note.Number, note.Amount, note.Currency, note.InvoiceId); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("credit_note", tags: new ActivityTagsCollection { ["memo"] = note.Memo })); // leak TC1001 strings
            _refunded.Record(note.Amount / 100d, new KeyValuePair<string, object?>("reason", note.Reason), new KeyValuePair<string, object?>("tier_months", months)); // clean precision-about
        }

        meter.CreateClinicsubRenewalsCounter().Add(1, subscription.Items.FirstOrDefault()?.Price.Id ?? "unknown", "canceled:" + reason); // clean generated-api
    }
}
