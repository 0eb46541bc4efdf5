namespace PrivacyHoldout120.Support;

/// <summary>The insurance settings every service binds from configuration.</summary>
public sealed class CoverOptions
{
    public decimal InsurancePremiumTaxRate { get; init; } = 0.12m;

    public double ReferThreshold { get; init; } = 0.6;

    public double FraudReferralThreshold { get; init; } = 0.75;

    public TimeSpan QuoteValidity { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan RatingTimeout { get; init; } = TimeSpan.FromSeconds(4);

    public int FastTrackLimit { get; init; } = 500;
}
