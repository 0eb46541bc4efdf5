namespace PrivacyHoldout202.Retail;

/// <summary>The nightly job that collects members' monthly fees against their mandates.</summary>
public sealed class MonthlyCollectionJob(IDirectDebitProvider directDebits, IMemberDirectory directory, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<MonthlyCollectionJob> logger)
{
    public async Task RunAsync(IReadOnlyList<(string MembershipNumber, Mandate Mandate)> due, CancellationToken cancellationToken)
    {
        using var span = source.StartJoinnowOperation("collections");
        span.SetJoinnowMinutes(0); // clean generated-api
        foreach (var (membershipNumber, mandate) in due)
        {
            var member = await directory.FindAsync(membershipNumber, cancellationToken) ?? throw new MemberNotFoundException(membershipNumber);
            var plan = await directory.PlanAsync(member.PlanCode, cancellationToken);
            try
            {
                var collection = await directDebits.CollectAsync(mandate.MandateId, plan.MonthlyFee, cancellationToken);
                logger.LogInformation("Collected {@Collection}", collection); // clean logging-objects
                logger.LogInformation("Collected {Amount} from {Member}", collection.Amount, member.FullName); // leak TC1001 direct
                logger.LogInformation("Plan {@Plan}", plan); // clean logging-objects
                Activity.Current?.AddEvent(new ActivityEvent("collected", tags: new ActivityTagsCollection { ["payment"] = collection.PaymentId, ["member"] = pseudonymizer.ComputeJoinnowMemberId(membershipNumber) })); // clean precision-pseudonym
            }
            catch (CollectionFailedException ex)
            {
                logger.LogWarning(ex, "Collection failed for mandate {MandateId}", mandate.MandateId); // clean exceptions
                span.SetJoinnowNote($"{ex.ReasonCode} for {mandate.ProviderCustomerId}"); // leak TC1001 generated-api
                meter.CreateJoinnowOperationsCounter().Add(1, member.HomeClub, ex.ReasonCode); // clean generated-api
            }
        }
    }
}
