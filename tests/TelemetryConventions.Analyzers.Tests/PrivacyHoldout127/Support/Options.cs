namespace PrivacyHoldout127.Support;

/// <summary>The training settings the services bind from configuration.</summary>
public sealed class TrainingOptions
{
    public Uri LrsEndpoint { get; init; } = new("https://lrs.example.org/xapi/");

    public Uri AccountHomePage { get; init; } = new("https://learn.example.org");

    public int ReminderDaysBefore { get; init; } = 30;

    public double CompliancePercentTarget { get; init; } = 95;

    public string CertificateTemplateId { get; init; } = "tpl-standard-v3";

    public string ReminderEmailTemplateId { get; init; } = "mail-training-due";
}
