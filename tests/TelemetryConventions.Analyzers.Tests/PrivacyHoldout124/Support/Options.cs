namespace PrivacyHoldout124.Support;

/// <summary>The live-event settings every service binds from configuration.</summary>
public sealed class LiveEventOptions
{
    public int AdmitBatchSize { get; init; } = 200;

    public TimeSpan AdmissionWindow { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan HoldLifetime { get; init; } = TimeSpan.FromMinutes(8);

    public int LeaderboardPageSize { get; init; } = 20;

    public int MaxQuestionLength { get; init; } = 280;

    public decimal MinimumBidIncrement { get; init; } = 1m;
}
