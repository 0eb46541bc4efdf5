namespace PrivacyHoldout183.Support;

/// <summary>The bereavement platform settings the services bind from configuration.</summary>
public sealed class BereavementOptions
{
    public string Office { get; init; } = "central";

    public decimal SmallEstateThreshold { get; init; } = 5000m;

    public int CertificateCopiesIncluded { get; init; } = 2;

    public int RefundWindowDays { get; init; } = 90;

    public bool TraceCaseIds { get; init; } = true;
}
