namespace PrivacyHoldout213.Support;

/// <summary>Settings the garden services read from configuration.</summary>
public sealed class GardenOptions
{
    public string DefaultSite { get; init; } = "site-01";

    public int InvoiceDueDays { get; init; } = 28;

    public int LoanDays { get; init; } = 7;

    public int EvictionNoticeDays { get; init; } = 30;

    public int ShardCount { get; init; } = 16;
}
