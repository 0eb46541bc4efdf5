namespace PrivacyHoldout93.Support;

/// <summary>The survey settings every service binds from configuration.</summary>
public sealed class SurveyOptions
{
    public string PublicBaseUrl { get; init; } = "https://forms.example.org";

    public int SmallGroupThreshold { get; init; } = 5;

    public TimeSpan DraftLifetime { get; init; } = TimeSpan.FromDays(14);

    public TimeSpan InvitationLifetime { get; init; } = TimeSpan.FromDays(21);

    public int MaxCommentLength { get; init; } = 2000;

    public long MaxUploadBytes { get; init; } = 10 * 1024 * 1024;
}

/// <summary>The telemetry sources of a service, registered once.</summary>
public sealed class FormTelemetry(string name)
{
    public ActivitySource Source { get; } = new(name);

    public Meter Meter { get; } = new(name);
}
