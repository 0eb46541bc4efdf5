namespace PrivacyHoldout119.Support;

/// <summary>The loyalty settings every service binds from configuration.</summary>
public sealed class LoyaltyOptions
{
    public string Programme { get; init; } = "rewards";

    public int PointsPerUnit { get; init; } = 1;

    public int ExpiryMonths { get; init; } = 24;

    public int MaxPoolMembers { get; init; } = 6;

    public int StatementBatchSize { get; init; } = 500;

    public TimeSpan PartnerTimeout { get; init; } = TimeSpan.FromSeconds(8);
}
