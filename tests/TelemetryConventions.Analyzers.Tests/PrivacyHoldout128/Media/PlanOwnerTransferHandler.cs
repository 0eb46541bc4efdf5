namespace PrivacyHoldout128.Media;

public sealed record TransferOwnership(Guid FamilyPlanId, Guid FromSubscriberId, Guid ToSubscriberId, string ToEmail);

public interface IBillingAccounts
{
    Task<SharedBill> CurrentBillAsync(Guid familyPlanId, CancellationToken cancellationToken = default);

    Task TransferAsync(Guid familyPlanId, Guid toSubscriberId, CancellationToken cancellationToken = default);
}

public sealed class PaymentMethodMissingException(Guid subscriberId)
    : Exception($"Subscriber {subscriberId} has no payment method")
{
}

/// <summary>Moves a family plan, its bill and its members to another adult of the household.</summary>
public sealed class PlanOwnerTransferHandler(
    IBillingAccounts billing,
    Pseudonymizer pseudonymizer,
    ILogger<PlanOwnerTransferHandler> logger)
{
    private static readonly ActivitySource Source = new("Stream.OwnerTransfer");
    private static readonly Meter Meter = new("Stream.OwnerTransfer");
    private static readonly FamstreamInviteAcceptDurationHistogram AcceptHours = Meter.CreateFamstreamInviteAcceptDurationHistogram();

    private Guid _lastNewOwner;

    public async Task HandleAsync(TransferOwnership command, DateTimeOffset requestedAt, CancellationToken ct)
    {
        using var span = Source.StartFamstreamHouseholdChange("premium-family");
        span.SetFamstreamHouseholdId(pseudonymizer.PseudonymizeFamstreamHouseholdId(command.FamilyPlanId.ToString())); // clean precision-pseudonym
        span.SetFamstreamMemberId(pseudonymizer.PseudonymizeFamstreamMemberId(command.ToSubscriberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(FamstreamAttributes.Contact, command.ToEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("transfer.email_domain", command.ToEmail.Split('@')[1]); // clean precision-about

        var bill = await billing.CurrentBillAsync(command.FamilyPlanId, ct);
        logger.LogInformation("Current bill {Bill}", bill); // clean logging-objects
        logger.LogInformation("Bill shares {Shares}", bill.Shares); // leak TC1001 logging-objects
        Activity.Current?.SetTag("bill.total", (double)bill.Total); // clean precision-about
        Activity.Current?.SetTag("bill.payers", bill.Shares.Count); // clean precision-about

        try
        {
            await billing.TransferAsync(command.FamilyPlanId, command.ToSubscriberId, ct);
            _lastNewOwner = command.ToSubscriberId;
            AcceptHours.Record((DateTimeOffset.UtcNow - requestedAt).TotalHours, "premium-family", "owner"); // clean precision-names
            span.SetFamstreamOutcome("transferred"); // clean precision-names
        }
        catch (PaymentMethodMissingException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogFamstreamHouseholdChangeFailedEvent(famstreamPlan: "premium-family", famstreamOutcome: "no-payment-method", famstreamNote: ex.GetType().Name); // clean exceptions
        }
        LogLast();
    }

    private void LogLast()
    {
        logger.LogDebug("Last new owner {Owner}", _lastNewOwner); // leak TC1001 cross-member
    }
}
