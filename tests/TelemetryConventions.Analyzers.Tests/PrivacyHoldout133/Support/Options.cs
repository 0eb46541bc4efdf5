namespace PrivacyHoldout133.Support;

/// <summary>The community programme settings the services bind from configuration.</summary>
public sealed class CommunityOptions
{
    public string CharityNumber { get; init; } = "1123456";

    public string ThankYouTemplateId { get; init; } = "tpl-thanks-v4";

    public string RotaReminderTemplateId { get; init; } = "tpl-rota-reminder";

    public decimal GiftAidRate { get; init; } = 0.25m;

    public int MaxShiftsPerWeek { get; init; } = 3;

    public int MentorCapacity { get; init; } = 2;
}
