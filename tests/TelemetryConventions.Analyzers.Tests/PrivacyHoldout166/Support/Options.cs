namespace PrivacyHoldout166.Support;

/// <summary>The gambling platform settings the services bind from configuration.</summary>
public sealed class WageringOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public int MinimumAge { get; init; } = 18;

    public decimal DefaultDepositLimit { get; init; } = 500m;

    public TimeSpan CoolingOff { get; init; } = TimeSpan.FromHours(24);

    public int PgsiReferralScore { get; init; } = 8;

    public string ExclusionTemplateId { get; init; } = "tpl-self-exclusion";
}
