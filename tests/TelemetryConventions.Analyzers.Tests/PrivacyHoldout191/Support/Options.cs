namespace PrivacyHoldout191.Support;

/// <summary>Settings each funding service reads from its configuration.</summary>
public sealed class FundingOptions
{
    public string Site { get; init; } = "funding-office";

    public string AcademicYear { get; init; } = "2025/26";

    public decimal HouseholdIncomeThreshold { get; init; } = 25_000m;

    public int EvidenceDeadlineDays { get; init; } = 28;

    public string RemittanceEmailTemplateId { get; init; } = "tpl-remittance-v3";

    public int InstalmentsPerYear { get; init; } = 3;
}
