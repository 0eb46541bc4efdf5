namespace PrivacyHoldout179.Support;

/// <summary>The reception platform settings the services bind from configuration.</summary>
public sealed class ReceptionOptions
{
    public string Site { get; init; } = "HQ";

    public int MaxVisitorsOnSite { get; init; } = 250;

    public int InductionValidDays { get; init; } = 365;

    public string BadgeTemplateId { get; init; } = "tpl-badge-v4";

    public string NdaVersion { get; init; } = "nda-2026-03";

    public bool TraceVisitorIds { get; init; }
}
