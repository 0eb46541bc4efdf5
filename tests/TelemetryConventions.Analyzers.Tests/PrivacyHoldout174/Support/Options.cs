namespace PrivacyHoldout174.Support;

/// <summary>The home care platform settings the services bind from configuration.</summary>
public sealed class HomeCareOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public int LateAfterMinutes { get; init; } = 15;

    public int MaxVisitsPerRound { get; init; } = 14;

    public int KeySafeRotationDays { get; init; } = 90;

    public string ReminderTemplateId { get; init; } = "tpl-visit-reminder";
}
