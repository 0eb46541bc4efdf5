namespace PrivacyHoldout158.Support;

/// <summary>The helpline platform settings the services bind from configuration.</summary>
public sealed class HelplineOptions
{
    public string LineCode { get; init; } = "mh-crisis-north";

    public string TextShortcode { get; init; } = "85258";

    public TimeSpan CallbackTarget { get; init; } = TimeSpan.FromHours(4);

    public int HighRiskThreshold { get; init; } = 3;

    public string CallbackTemplateId { get; init; } = "tpl-callback-booked";

    public string SignpostTemplateId { get; init; } = "tpl-signpost";

    public Uri ResourcesUrl { get; init; } = new("https://support.example.org/help");
}
