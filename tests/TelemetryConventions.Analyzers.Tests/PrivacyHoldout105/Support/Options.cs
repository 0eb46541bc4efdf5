namespace PrivacyHoldout105.Support;

/// <summary>The product analytics settings every service binds from configuration.</summary>
public sealed class AnalyticsOptions
{
    public string AppId { get; init; } = "web";

    public string WriteKey { get; init; } = "wk_live_3f9a";

    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan FunnelWindow { get; init; } = TimeSpan.FromDays(7);

    public int SyncBatchSize { get; init; } = 500;

    public int MinimumCohortSize { get; init; } = 10;

    public double SampleRate { get; init; } = 0.1;
}
