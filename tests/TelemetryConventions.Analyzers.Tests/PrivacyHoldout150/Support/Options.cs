namespace PrivacyHoldout150.Support;

/// <summary>The dating platform settings the services bind from configuration.</summary>
public sealed class DatingPlatformOptions
{
    public string Market { get; init; } = "uk";

    public int DailyLikeLimit { get; init; } = 50;

    public int MaxDistanceKm { get; init; } = 80;

    public double MinimumMatchScore { get; init; } = 0.62;

    public TimeSpan CheckInGrace { get; init; } = TimeSpan.FromMinutes(20);

    public string WelcomeTemplateId { get; init; } = "tpl-welcome";

    public string MatchEmailTemplateId { get; init; } = "tpl-new-match";

    public string SafetyTemplateId { get; init; } = "tpl-check-in-missed";

    public Uri AppUrl { get; init; } = new("https://app.example-dating.co.uk");
}
