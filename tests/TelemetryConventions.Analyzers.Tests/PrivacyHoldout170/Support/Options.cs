namespace PrivacyHoldout170.Support;

/// <summary>The recruitment platform settings the services bind from configuration.</summary>
public sealed class RecruitmentOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public int ReferenceChaseDays { get; init; } = 5;

    public int DbsRecheckMonths { get; init; } = 36;

    public int MaximumPenaltyPoints { get; init; } = 6;

    public string RejectionTemplateId { get; init; } = "tpl-candidate-regret";
}
