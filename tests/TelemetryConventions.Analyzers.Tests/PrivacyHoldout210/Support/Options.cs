namespace PrivacyHoldout210.Support;

/// <summary>Options the council services bind from configuration.</summary>
public sealed class CouncilServiceOptions
{
    public string CouncilCode { get; init; } = "E07000012";

    public int BulkySlotsPerDay { get; init; } = 40;

    public decimal BulkyFeePerItem { get; init; } = 12.50m;

    public TimeSpan AgentVisitWindow { get; init; } = TimeSpan.FromHours(2);

    public string ReviewCampaign { get; init; } = "spd-2026";
}
