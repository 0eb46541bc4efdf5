namespace PrivacyHoldout125.Support;

/// <summary>The hiring settings every service binds from configuration.</summary>
public sealed class HiringOptions
{
    public string CareersSiteUrl { get; init; } = "https://careers.example.org";

    public int ShortlistSize { get; init; } = 8;

    public double ScreenPassMark { get; init; } = 3.5;

    public TimeSpan ReferenceChaseAfter { get; init; } = TimeSpan.FromDays(5);

    public TimeSpan OfferExpiresAfter { get; init; } = TimeSpan.FromDays(10);

    public int ShardCount { get; init; } = 16;
}
