namespace PrivacyHoldout77.Media;

/// <summary>Contract 2.0 of a subscription, as the billing service returns it.</summary>
public sealed record SubscriptionV2(Guid SubscriptionId, Guid SubscriberId, string Email, string PlanCode, string Currency, decimal MonthlyPrice, DateOnly RenewsOn, IReadOnlyList<string> ProfileNames);

/// <summary>Contract 1.0, still used by the TV apps: a flat plan, the owner's email as the account name.</summary>
public sealed record SubscriptionV1(Guid Id, string AccountName, string Plan, string Price, string RenewalDate);

/// <summary>The plan part of a subscription; the same in both contracts.</summary>
public sealed record PlanDto(string PlanCode, string Currency, decimal MonthlyPrice, int MaxStreams, bool Ads);

public sealed class SubscriptionV2ToV1Adapter : IContractAdapter<SubscriptionV2, SubscriptionV1>
{
    public ApiVersion From => new(2, 0);

    public ApiVersion To => new(1, 0);

    public SubscriptionV1 Adapt(SubscriptionV2 source) =>
        new(source.SubscriptionId, source.Email, source.PlanCode, $"{source.MonthlyPrice:0.00} {source.Currency}", source.RenewsOn.ToString("yyyy-MM-dd"));
}

public sealed class SubscriptionV2Example : IExamplesProvider<SubscriptionV2>
{
    public SubscriptionV2 GetExamples() => new(
        Guid.Parse("00000000-0000-0000-0000-000000000001"),
        Guid.Parse("00000000-0000-0000-0000-000000000002"),
        "subscriber@example.com",
        "PREMIUM-4K",
        "GBP",
        17.99m,
        new DateOnly(2025, 1, 31),
        new[] { "Main", "Kids" });
}

public interface ISubscriptionQueries
{
    Task<SubscriptionV2?> FindAsync(Guid subscriptionId, CancellationToken cancellationToken);
}

public sealed class SubscriptionEndpoints(
    ISubscriptionQueries subscriptions,
    IContractAdapter<SubscriptionV2, SubscriptionV1> downgrade,
    IExamplesProvider<SubscriptionV2> example,
    ILogger<SubscriptionEndpoints> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private readonly Counter<long> _downgrades = meter.CreateCounter<long>("playapi.contract.downgrades", "{response}");

    public async Task<ActionResult> GetAsync(ApiCall call, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichPlayapiRequest(call.RouteTemplate); // clean precision-about
        span.SetPlayapiContractVersion(call.RequestedVersion.ToString()); // clean precision-about
        Activity.Current?.SetTag("playapi.subscription.id", subscriptionId); // clean precision-about

        var subscription = await subscriptions.FindAsync(subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return new NotFoundResult(null);
        }
        span.SetPlayapiSubscriberId(pseudonymizer.PseudonymizePlayapiSubscriberId(subscription.SubscriberId.ToString())); // clean precision-pseudonym

        if (call.RequestedVersion.Major == 1)
        {
            var v1 = downgrade.Adapt(subscription);
            _downgrades.Add(1, new TagList { { "from", downgrade.From.ToString() }, { "to", downgrade.To.ToString() }, { "plan", v1.Plan } }); // clean precision-about
            logger.LogDebug("Downgraded to 1.0: {Subscription}", v1); // leak TC1001 logging-objects
            logger.LogDebug("1.0 account name {AccountName}", v1.AccountName); // leak TC1001 direct
            return new OkResult(v1);
        }

        var plan = new PlanDto(subscription.PlanCode, subscription.Currency, subscription.MonthlyPrice, subscription.ProfileNames.Count > 4 ? 4 : 2, subscription.PlanCode.EndsWith("ADS", StringComparison.Ordinal));
        logger.LogDebug("Plan {Plan}", plan); // clean logging-objects
        logger.LogDebug("Profiles on the subscription: {Profiles}", string.Join(", ", subscription.ProfileNames)); // leak TC1001 strings
        logger.LogDebug("Profiles on the subscription: {Count}", subscription.ProfileNames.Count); // clean precision-about
        logger.LogInformation("Subscription owner domain {Domain}", subscription.Email[(subscription.Email.IndexOf('@') + 1)..]); // clean precision-about
        return new OkResult(subscription);
    }

    public ActionResult Example()
    {
        var sample = example.GetExamples();
        logger.LogInformation("Documenting {Example}", sample); // clean precision-about
        return new OkResult(sample);
    }
}
