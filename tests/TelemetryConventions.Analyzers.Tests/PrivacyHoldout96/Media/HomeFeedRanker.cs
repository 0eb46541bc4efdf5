namespace PrivacyHoldout96.Media;

/// <summary>A viewing profile and the subscription it belongs to.</summary>
public sealed record ViewingProfile(Guid ProfileId, Guid SubscriberId, string ProfileName, string SubscriberEmail, bool Kids, string Country);

/// <summary>A row of the home page: its key, its heading and its titles.</summary>
public sealed record HomeRow(string RowKey, string Heading, IReadOnlyList<string> TitleIds);

/// <summary>Builds a profile's home page: top picks from the recommender, a because-you-watched row, continue watching.</summary>
public sealed class HomeFeedRanker(
    IPersonalizeRuntime personalize,
    IExperimentClient experiments,
    IExposureSink exposures,
    IFeatureStore features,
    PersonalisationOptions options,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<HomeFeedRanker> logger)
{
    private static readonly ActivitySource Source = new("Stream.HomeFeed");
    private readonly HomefeedImpressionsCounter _impressions = meter.CreateHomefeedImpressionsCounter();
    private readonly HomefeedRankDurationHistogram _duration = meter.CreateHomefeedRankDurationHistogram();
    private readonly Histogram<int> _rows = meter.CreateHistogram<int>("stream.home.rows");

    public async Task<IReadOnlyList<HomeRow>> RankAsync(ViewingProfile profile, string? seedTitleId, IReadOnlyList<string> inProgress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartHomefeedRank();
        var profilePseudonym = pseudonymizer.PseudonymizeHomefeedProfileId(profile.ProfileId.ToString());
        span.SetHomefeedProfileId(profilePseudonym); // clean precision-pseudonym
        span.SetHomefeedSubscriberId(pseudonymizer.PseudonymizeHomefeedSubscriberId(profile.SubscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("stream.profile.kids", profile.Kids); // clean precision-about

        var variation = experiments.Decide("home-rows-v7", new ExperimentUser(profile.ProfileId.ToString()));
        exposures.Record(new ExposureRecord(variation.ExperimentKey, variation.VariationKey, profile.ProfileId.ToString(), "profile", DateTimeOffset.UtcNow));
        span.SetHomefeedExperiment(variation.ExperimentKey); // clean precision-names
        span.SetHomefeedVariant(variation.VariationKey);
        Activity.Current?.SetBaggage("stream.profile", profile.ProfileId.ToString()); // leak TC1001 direct
        span.Activity?.SetTag("stream.home.cache_key", PageCacheKey(profile, variation.VariationKey)); // leak TC1001 cross-member
        span.Activity?.SetTag("stream.home.rows_key", RowsCacheKey(profile.Country, profile.Kids, variation.VariationKey)); // clean cross-member

        var request = new GetRecommendationsRequest
        {
            RecommenderArn = "arn:aws:personalize:eu-west-2:000000000000:recommender/top-picks",
            UserId = profile.ProfileId.ToString(),
            NumResults = 40,
            FilterArn = options.FilterArn,
        };
        request.FilterValues["GENRES"] = profile.Kids ? "\"KIDS\",\"FAMILY\"" : "\"ALL\"";
        logger.LogDebug("Filter values {FilterValues}", request.FilterValues); // clean logging-objects
        var picks = await personalize.GetRecommendationsAsync(request, cancellationToken);

        var rows = new List<HomeRow> { new("top_picks", "Top picks for you", picks.ItemList.Select(i => i.ItemId).ToList()) };
        if (seedTitleId is not null)
        {
            var similar = await personalize.GetRecommendationsAsync(new GetRecommendationsRequest { RecommenderArn = "arn:aws:personalize:eu-west-2:000000000000:recommender/more-like-x", ItemId = seedTitleId, NumResults = 20 }, cancellationToken);
            rows.Add(new HomeRow("because_you_watched", $"Because you watched {seedTitleId}", similar.ItemList.Select(i => i.ItemId).ToList()));
            logger.LogDebug("Because-you-watched row seeded by {Seed}", seedTitleId); // clean precision-names
        }
        rows.Add(new HomeRow("continue_watching", $"Continue watching for {profile.ProfileName}", inProgress));
        logger.LogDebug("Row headings {Headings}", rows.Select(r => r.Heading).ToList()); // leak TC1001 strings
        span.SetHomefeedRowCount(rows.Count);
        span.SetHomefeedItemCount(rows.Sum(r => r.TitleIds.Count)); // clean precision-about
        span.SetHomefeedModel("top-picks-2025-02"); // clean precision-names

        foreach (var row in rows)
        {
            _impressions.Add(row.TitleIds.Count, row.RowKey, variation.VariationKey, profilePseudonym); // leak TC1003 precision-pseudonym
            _impressions.Add(row.TitleIds.Count, row.RowKey, variation.VariationKey); // clean generated-api
        }
        _rows.Record(rows.Count, new KeyValuePair<string, object?>("variant", variation.VariationKey)); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, variation.VariationKey); // clean generated-api

        if (picks.ItemList.Count == 0)
        {
            span.SetHomefeedNote($"cold start for profile {profile.ProfileName}"); // leak TC1001 generated-api
            span.Activity?.SetTag(HomefeedAttributes.SubscriberEmail, profile.SubscriberEmail); // leak TC1001 generated-api
        }
        logger.LogInformation("Home page for subscriber {Subscriber}, profile {Profile}", profile.SubscriberId, profile.ProfileName); // leak TC1001 direct

        var taste = await features.GetAsync("profile_taste_v9", profile.ProfileId.ToString(), cancellationToken);
        logger.LogDebug("Taste vector {Age} old with {Count} genres", taste.Age, taste.Values.Count); // clean precision-about
        logger.LogDebug("Taste vector {Taste}", taste); // leak TC1001 logging-objects
        return rows;
    }

    private static string PageCacheKey(ViewingProfile profile, string variant) => $"home:{profile.ProfileId:N}:{variant}";

    private static string RowsCacheKey(string country, bool kids, string variant) => $"rows:{country}:{(kids ? "kids" : "all")}:{variant}";
}
