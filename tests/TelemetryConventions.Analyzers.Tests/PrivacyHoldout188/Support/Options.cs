namespace PrivacyHoldout188.Support;

/// <summary>Configuration the occupational health services read at start-up.</summary>
public sealed class OccHealthOptions
{
    public string ProviderName { get; init; } = "OH Partners";

    public int LongTermAbsenceDays { get; init; } = 28;

    public int SurveillanceIntervalMonths { get; init; } = 12;

    public byte[] ShardKey { get; init; } = new byte[32];

    public string DefaultSite { get; init; } = "head-office";
}
