namespace PrivacyHoldout201.Support;

/// <summary>Settings every service of the practice group reads from configuration.</summary>
public sealed class PracticeOptions
{
    public string PracticeCode { get; init; } = "VH01";

    public string Region { get; init; } = "south-west";

    public int ShardCount { get; init; } = 32;

    public TimeSpan ConsentValidity { get; init; } = TimeSpan.FromHours(24);

    public required TelemetrySecrets Secrets { get; init; }
}
