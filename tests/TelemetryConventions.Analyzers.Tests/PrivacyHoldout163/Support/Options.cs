namespace PrivacyHoldout163.Support;

/// <summary>The licensing platform settings the services bind from configuration.</summary>
public sealed class DrivingOptions
{
    public string AgencyCode { get; init; } = "DVLA";

    public int TheoryPassMark { get; init; } = 43;

    public int HazardPassMark { get; init; } = 44;

    public int MaxDrivingFaults { get; init; } = 15;

    public TimeSpan CertificateLifetime { get; init; } = TimeSpan.FromDays(730);

    public int PointsThreshold { get; init; } = 6;

    public string ReminderTemplateId { get; init; } = "tpl-lesson-reminder";

    public string ResultTemplateId { get; init; } = "tpl-test-result";

    public Uri BookingUrl { get; init; } = new("https://book.example-tests.gov.uk");
}
