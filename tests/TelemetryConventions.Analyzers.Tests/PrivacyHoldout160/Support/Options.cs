namespace PrivacyHoldout160.Support;

/// <summary>The platform settings the services bind from configuration.</summary>
public sealed class MedTechOptions
{
    public string Region { get; init; } = "north-west";

    public int UploadStaleHours { get; init; } = 72;

    public int ProgrammeCapacity { get; init; } = 400;

    public TimeSpan ResultTurnaround { get; init; } = TimeSpan.FromDays(3);

    public string ReminderTemplateId { get; init; } = "tpl-kit-reminder";

    public string RecallTemplateId { get; init; } = "tpl-implant-recall";

    public decimal CopayCeiling { get; init; } = 150m;
}
