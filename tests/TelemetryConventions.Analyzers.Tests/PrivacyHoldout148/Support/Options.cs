namespace PrivacyHoldout148.Support;

/// <summary>The sport platform settings the services bind from configuration.</summary>
public sealed class LeagueOptions
{
    public string Season { get; init; } = "2025-26";

    public int ConcussionStandDownDays { get; init; } = 21;

    public int MaxRosterSize { get; init; } = 8;

    public int MinCreditsForEligibility { get; init; } = 60;

    public int DbsRenewalYears { get; init; } = 3;

    public decimal GrantBudgetPerRegion { get; init; } = 25_000m;

    public int MaxPrintNameLength { get; init; } = 12;

    public string ClearanceTemplateId { get; init; } = "tpl-rtp-clearance";

    public string RenewalTemplateId { get; init; } = "tpl-st-renewal";

    public string ParentConsentTemplateId { get; init; } = "tpl-junior-consent";

    public Uri ClubPortalUrl { get; init; } = new("https://clubs.example-league.org");
}
