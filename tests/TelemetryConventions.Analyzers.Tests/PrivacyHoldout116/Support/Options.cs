namespace PrivacyHoldout116.Support;

/// <summary>The abuse-prevention settings every service binds from configuration.</summary>
public sealed class AbuseOptions
{
    public int PermitLimit { get; init; } = 100;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    public double CaptchaMinimumScore { get; init; } = 0.5;

    public double RiskChallengeScore { get; init; } = 0.7;

    public double RiskDenyScore { get; init; } = 0.9;

    public int MaxFailedSignIns { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    public string CaptchaSecret { get; init; } = "from-key-vault";

    public IReadOnlyList<string> TrustedProxies { get; init; } = new[] { "10.0.0.0/8" };
}
