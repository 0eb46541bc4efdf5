namespace PrivacyHoldout129.Support;

/// <summary>The activity tracking settings the services bind from configuration.</summary>
public sealed class ActivityTrackingOptions
{
    public int MaxSamplesPerBatch { get; init; } = 5000;

    public double PrivacyZoneMetres { get; init; } = 400;

    public int BackfillDays { get; init; } = 30;

    public int MaxHeartRateAlertBpm { get; init; } = 160;

    public string WelcomeTemplateId { get; init; } = "tpl-welcome-v2";
}
