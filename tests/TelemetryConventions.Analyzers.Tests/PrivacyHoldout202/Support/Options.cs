namespace PrivacyHoldout202.Support;

/// <summary>Settings the leisure services read from configuration.</summary>
public sealed class LeisureOptions
{
    public string SiteCode { get; init; } = "centre-01";

    public string Region { get; init; } = "north";

    public int LateCancelHours { get; init; } = 12;

    public int MaxFaceRetries { get; init; } = 3;

    public double FaceMatchThreshold { get; init; } = 0.82;

    public string ProviderName { get; init; } = "gocardless";
}
