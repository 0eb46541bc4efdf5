namespace PrivacyHoldout142.Support;

/// <summary>The club platform settings the services bind from configuration.</summary>
public sealed class ClubPlatformOptions
{
    public string OperatorCode { get; init; } = "CLB";

    public int MaxGuestPassesPerMonth { get; init; } = 2;

    public int MaxFreezeDaysPerYear { get; init; } = 90;

    public int NoticePeriodDays { get; init; } = 30;

    public TimeSpan LateCancellationWindow { get; init; } = TimeSpan.FromHours(4);

    public TimeSpan QrPassLifetime { get; init; } = TimeSpan.FromSeconds(30);

    public string WelcomeTemplateId { get; init; } = "tpl-member-welcome";

    public string WaitlistPromotedTemplateId { get; init; } = "tpl-waitlist-promoted";

    public string BadgeCertificateTemplateId { get; init; } = "tpl-swim-badge";

    public Uri MemberPortalUrl { get; init; } = new("https://members.example.org");
}
