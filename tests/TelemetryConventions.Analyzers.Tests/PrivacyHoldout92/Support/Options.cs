namespace PrivacyHoldout92.Support;

/// <summary>The ticketing settings every service binds from configuration.</summary>
public sealed class TicketingOptions
{
    public string IssuerId { get; init; } = "3388000000022186420";

    public string PassTypeIdentifier { get; init; } = "pass.org.example.tickets";

    public string WebServiceUrl { get; init; } = "https://passes.example.org/v1";

    public TimeSpan ScanWindow { get; init; } = TimeSpan.FromHours(2);

    public int MaxPinAttempts { get; init; } = 3;

    public int MaxRedemptionsPerHour { get; init; } = 5;

    public int SampleBuckets { get; init; } = 16;
}
