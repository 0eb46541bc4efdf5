namespace PrivacyHoldout205.Support;

/// <summary>Settings of the licensing services, bound from configuration.</summary>
public sealed class LicensingOptions
{
    public string Authority { get; init; } = "Northvale Council";

    public int ExpiryWarningDays { get; init; } = 28;

    public byte[] ShardKey { get; init; } = new byte[32];

    public int Shards { get; init; } = 16;
}
