namespace PrivacyHoldout140.Support;

/// <summary>The research platform settings the services bind from configuration.</summary>
public sealed class StudyPlatformOptions
{
    public string SponsorCode { get; init; } = "SPN-0042";

    public string CurrentConsentVersion { get; init; } = "PIS-4.1";

    public int SusarDeadlineDays { get; init; } = 7;

    public decimal VisitPaymentAmount { get; init; } = 25m;

    public string ExportSchedule { get; init; } = "0 2 * * 1";

    public string ReconsentTemplateId { get; init; } = "tpl-reconsent-invite";

    public Uri SponsorSftp { get; init; } = new("sftp://transfer.sponsor.example.com");
}
