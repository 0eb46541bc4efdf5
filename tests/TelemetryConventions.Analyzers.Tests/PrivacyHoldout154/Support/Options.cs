namespace PrivacyHoldout154.Support;

/// <summary>The motor group's settings the services bind from configuration.</summary>
public sealed class MotorOptions
{
    public string GroupCode { get; init; } = "MG";

    public int MotSlotMinutes { get; init; } = 45;

    public int LeadFollowUpHours { get; init; } = 24;

    public int PatrolEtaTargetMinutes { get; init; } = 60;

    public decimal PartExchangeMarginPercent { get; init; } = 12m;

    public string ServiceReminderTemplateId { get; init; } = "tpl-service-due";

    public string MotReminderTemplateId { get; init; } = "tpl-mot-due";

    public Uri DvsaEndpoint { get; init; } = new("https://mts.example-dvsa.gov.uk");
}
