namespace PrivacyHoldout69.Media;

public sealed record ViewingProfile(string ProfileId, string ProfileName, string SubscriberEmail, string DeviceId, string DeviceClass, bool Kids);

public sealed record RowRankRequest(string ProfileId, string Row, IReadOnlyList<string> CandidateTitles, IReadOnlyList<string> RecentlyWatched, string DeviceClass);

public sealed record RankedTitle(string TitleId, double Score);

public interface IRowRankingClient
{
    Task<IReadOnlyList<RankedTitle>> RankAsync(RowRankRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Ranks the rows of the home screen for a viewing profile: the candidate titles of a row, the
/// profile's recent history as seeds, the DLRM ranker with a popularity fallback at 150 ms.
/// </summary>
public sealed class HomeRowRanker(
    IOnlineFeatureStore features,
    IRowRankingClient ranker,
    Pseudonymizer pseudonymizer,
    ILogger<HomeRowRanker> logger)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(150);
    private static readonly ActivitySource Source = new("Streaming.Home.Ranking");
    private static readonly Meter Meter = new("Streaming.Home.Ranking");
    private readonly RecsServedCounter _served = Meter.CreateRecsServedCounter();
    private readonly RecsRankDurationHistogram _duration = Meter.CreateRecsRankDurationHistogram();
    private static readonly Counter<long> EmptyRows = Meter.CreateCounter<long>("recs.rows.empty");

    public async Task<IReadOnlyList<RankedTitle>> RankRowAsync(ViewingProfile profile, string row, IReadOnlyList<string> candidates, string arm, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartRecsRank(row)
            .SetRecsProfileId(pseudonymizer.PseudonymizeRecsProfileId(profile.ProfileId)) // clean precision-pseudonym
            .SetRecsArm(arm) // clean precision-about
            .SetRecsCandidates(candidates.Count); // clean precision-about
        span.Activity?.SetTag("recs.profile_kids", profile.Kids); // clean precision-names
        span.Activity?.SetTag(RecsAttributes.SubscriberEmail, pseudonymizer.Compute("recs.subscriber", profile.SubscriberEmail)); // leak TC1001 precision-pseudonym

        if (span.Activity is { } current)
        {
            current.DisplayName = $"rank {row} [{arm}]"; // clean strings
        }

        IReadOnlyList<string> seeds;
        try
        {
            var history = await features.GetOnlineFeaturesAsync("profile_history_v9", profile.ProfileId, ct);
            seeds = history.Values.Where(v => v.Value > 0.5).Select(v => v.Key).Take(5).ToList();
        }
        catch (FeatureRowMissingException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            seeds = [];
        }
        logger.LogDebug("Seeds for {Row}: {SeedTitles}", row, seeds); // clean precision-about

        var request = new RowRankRequest(profile.ProfileId, row, candidates, seeds, profile.DeviceClass);
        IReadOnlyList<RankedTitle> ranked;
        try
        {
            ranked = await ranker.RankAsync(request, ct).WaitAsync(Budget, ct);
            span.SetRecsOutcome("ranked"); // clean generated-api
        }
        catch (TimeoutException)
        {
            span.SetRecsOutcome("fallback:popular"); // clean generated-api
            logger.LogRecsFallbackEvent(row, "fallback:popular", pseudonymizer.PseudonymizeRecsProfileId(profile.ProfileId), $"{candidates.Count} candidates, budget {Budget.TotalMilliseconds} ms"); // clean generated-api
            logger.LogRecsFallbackEvent(row, "fallback:popular", recsNote: $"ranker slow for '{profile.ProfileName}' on {profile.DeviceClass}"); // leak TC1001 generated-api
            logger.LogWarning("Ranker timed out: {RankRequest}", request); // leak TC1001 logging-objects
            ranked = candidates.Select((t, i) => new RankedTitle(t, 1.0 / (i + 1))).ToList();
        }

        _served.Add(1, row, arm, ranked.Count == 0 ? "empty" : "served"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, row, "ranker-dlrm-19"); // clean generated-api
        if (ranked.Count == 0)
        {
            EmptyRows.Add(1, new KeyValuePair<string, object?>("row", row), new KeyValuePair<string, object?>("profile", profile.ProfileId)); // leak TC1003 direct
            logger.LogInformation("Empty {Row} row for profile {ProfileName} on device {DeviceId}", row, profile.ProfileName, profile.DeviceId); // leak TC1001 direct
        }
        return ranked;
    }
}
