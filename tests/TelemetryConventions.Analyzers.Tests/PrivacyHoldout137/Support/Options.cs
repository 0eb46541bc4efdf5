namespace PrivacyHoldout137.Support;

/// <summary>The utility settings the services bind from configuration.</summary>
public sealed class UtilityOptions
{
    public decimal EmergencyCreditLimit { get; init; } = 15m;

    public decimal FriendlyCreditHoursStart { get; init; } = 16;

    public int ReadToleranceFactor { get; init; } = 3;

    public int SwitchCoolingOffDays { get; init; } = 14;

    public string ReadReminderTemplateId { get; init; } = "tpl-read-reminder-v2";

    public string InstallConfirmationTemplateId { get; init; } = "tpl-install-confirm";

    public Uri DataHubEndpoint { get; init; } = new("https://datahub.example.net/api/");
}
