namespace PrivacyHoldout151.Support;

/// <summary>The welfare platform settings the services bind from configuration.</summary>
public sealed class WelfareOptions
{
    public string LocalAuthority { get; init; } = "E08000025";

    public string Region { get; init; } = "west-midlands";

    public int MissedVisitGraceMinutes { get; init; } = 30;

    public decimal WarmHomeRebate { get; init; } = 150m;

    public decimal HealthyStartWeeklyValue { get; init; } = 4.25m;

    public int InterviewFareCapPence { get; init; } = 2500;

    public string AwardTemplateId { get; init; } = "tpl-fsm-award";

    public string AppointmentTemplateId { get; init; } = "tpl-wc-appt";

    public TimeSpan DischargeTarget { get; init; } = TimeSpan.FromHours(24);

    public Uri ClaimantPortalUrl { get; init; } = new("https://claims.example-council.gov.uk");
}
