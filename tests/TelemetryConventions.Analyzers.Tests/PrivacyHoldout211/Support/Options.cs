namespace PrivacyHoldout211.Support;

public sealed class StreamingOptions
{
    public string Market { get; init; } = "gb";

    public int RecommendationCount { get; init; } = 20;

    public bool TraceListenerIds { get; init; }

    public required byte[] ShardKey { get; init; }

    public string RoyaltyCurrency { get; init; } = "GBP";
}
