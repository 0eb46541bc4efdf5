namespace PrivacyHoldout149.Support;

/// <summary>The justice platform settings the services bind from configuration.</summary>
public sealed class JusticeOptions
{
    public string Region { get; init; } = "london";

    public int ReportDueDays { get; init; } = 21;

    public int SummonsLeadDays { get; init; } = 28;

    public int WarrantValidDays { get; init; } = 28;

    public decimal MinimumClaimAmount { get; init; } = 150m;

    public TimeSpan ProductionOrderDeadline { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan MoveReadinessWindow { get; init; } = TimeSpan.FromHours(2);

    public string SummonsTemplateId { get; init; } = "tpl-summons-s444";

    public string DemandLetterTemplateId { get; init; } = "tpl-civil-recovery-1";

    public string HearingNoticeTemplateId { get; init; } = "tpl-hearing-notice";

    public Uri TribunalPortalUrl { get; init; } = new("https://tribunal.example.gov.uk");
}
