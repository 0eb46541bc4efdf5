namespace PrivacyHoldout176.Support;

/// <summary>The language services platform settings the services bind from configuration.</summary>
public sealed class LanguageServicesOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public int PlacementPassMark { get; init; } = 40;

    public int MaxInterpreterMinutes { get; init; } = 120;

    public string TranscriptTemplateId { get; init; } = "tpl-transcript-v3";

    public bool TraceLearnerIds { get; init; }
}
