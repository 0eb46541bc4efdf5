namespace PrivacyHoldout190.Support;

/// <summary>Settings the smart-home services read from configuration.</summary>
public sealed class SmartHomeOptions
{
    public string Region { get; init; } = "eu-west";

    public int ShardCount { get; init; } = 32;

    public bool TraceDeviceSerials { get; init; }

    public TimeSpan ClipRetention { get; init; } = TimeSpan.FromDays(30);
}
