namespace PrivacyHoldout173.Support;

/// <summary>The event planning platform settings the services bind from configuration.</summary>
public sealed class EventPlanningOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public int RsvpChaseDays { get; init; } = 14;

    public int SeatsPerTable { get; init; } = 10;

    public int FinalNumbersDaysBefore { get; init; } = 21;

    public string InvitationTemplateId { get; init; } = "tpl-save-the-date";
}
