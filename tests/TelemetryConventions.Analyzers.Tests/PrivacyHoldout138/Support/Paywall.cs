namespace PressKit.Paywall;

/// <summary>A browser's meter: the visitor cookie, views this period and the limit. Prints its members.</summary>
public sealed record MeterState(string VisitorId, int Views, int Limit, string Period);

/// <summary>Whether a resource is shown. Prints its members.</summary>
public sealed record AccessDecision(string ResourceId, bool Granted, string Reason, string? TermId);

/// <summary>A paid subscription: its id, the subscriber's account, the term and status. Prints its members.</summary>
public sealed record Subscription(string SubscriptionId, string AccountId, string TermId, string Status, DateTimeOffset RenewsAt);

public interface IEntitlementClient
{
    Task<Subscription?> ActiveSubscriptionAsync(string accountId, CancellationToken cancellationToken = default);

    Task<MeterState> IncrementAsync(string visitorId, string resourceId, CancellationToken cancellationToken = default);
}

/// <summary>The account has no entitlement to the resource; quotes both.</summary>
public sealed class EntitlementException(string accountId, string resourceId)
    : Exception($"Account {accountId} is not entitled to {resourceId}")
{
    public string ResourceId { get; } = resourceId;
}
