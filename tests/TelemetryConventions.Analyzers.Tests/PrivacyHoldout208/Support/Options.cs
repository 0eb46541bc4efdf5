namespace PrivacyHoldout208.Support;

/// <summary>Options every parking service binds from its configuration.</summary>
public sealed class ParkingServiceOptions
{
    public string ServiceName { get; init; } = "parking";

    public string CouncilCode { get; init; } = "LBX";

    public int GracePeriodMinutes { get; init; } = 10;

    public decimal DiscountRate { get; init; } = 0.5m;

    public required byte[] ShardKey { get; init; }
}
