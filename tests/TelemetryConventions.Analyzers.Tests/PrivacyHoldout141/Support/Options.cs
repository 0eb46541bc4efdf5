namespace PrivacyHoldout141.Support;

/// <summary>The ride platform settings the services bind from configuration.</summary>
public sealed class RidePlatformOptions
{
    public double SearchRadiusKm { get; init; } = 3.0;

    public double MaxSurgeMultiplier { get; init; } = 2.5;

    public int MaxTipPercent { get; init; } = 30;

    public TimeSpan LatePickupThreshold { get; init; } = TimeSpan.FromMinutes(10);

    public string ReceiptTemplateId { get; init; } = "tpl-ride-receipt";

    public string SosCentre { get; init; } = "arc-north";

    public Uri RiderPortalUrl { get; init; } = new("https://rides.example.org");
}
