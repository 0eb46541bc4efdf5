namespace PrivacyHoldout139.Support;

/// <summary>The school platform settings the services bind from configuration.</summary>
public sealed class SchoolPlatformOptions
{
    public string CentreNumber { get; init; } = "54321";

    public string CurrentSeries { get; init; } = "2025-06";

    public double PersistentAbsenceThreshold { get; init; } = 0.9;

    public string ConsentReminderTemplateId { get; init; } = "tpl-trip-consent-reminder";

    public string AbsenceFirstDayTemplateId { get; init; } = "tpl-absence-first-day";

    public Uri ParentPortalUrl { get; init; } = new("https://parents.example.org");
}
