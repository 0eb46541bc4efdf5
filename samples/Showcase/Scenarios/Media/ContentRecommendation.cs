using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Media;

/// <summary>
/// 8.2 Content recommendation: ranking a catalogue's candidates into a personal row for each user;
/// one request times out in the feature store.
/// </summary>
/// <remarks>
/// The seed's <c>user.segment</c> would have added an attribute to the upstream <c>user.*</c>
/// namespace; it is <c>recommendation.user_segment</c> here. The diversity score costs a pass over the
/// result, so it is computed only when the span is recorded.
/// </remarks>
public sealed class ContentRecommendation : IScenario
{
    private static readonly string[] Genres = ["drama", "comedy", "documentary", "thriller", "animation", "sci-fi", "romance"];

    private static readonly (RecommendationUserSegment Segment, bool FeatureStoreTimesOut)[] Requests =
    [
        (RecommendationUserSegment.Regular, false),
        (RecommendationUserSegment.New, false),
        (RecommendationUserSegment.Heavy, true),
    ];

    /// <inheritdoc/>
    public string Id => "8.2";

    /// <inheritdoc/>
    public string Name => "content-recommendation";

    /// <inheritdoc/>
    public string Industry => "media";

    /// <inheritdoc/>
    public string Summary => "Recommendation requests with segment, candidate and result counts and a diversity score computed only when recorded; one feature-store timeout.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var (segment, timesOut) in Requests)
        {
            Recommend(ctx, segment, timesOut);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.5, 4));
        }
    }

    private static void Recommend(ScenarioContext ctx, RecommendationUserSegment segment, bool timesOut)
    {
        var user = ctx.Pseudonymize(UserAttributes.Id, $"u-{ctx.Random.Next():x8}-{ctx.Random.Next(100, 999)}");
        using var span = ctx.Source.StartRecommendationGenerate(user, startTime: ctx.Clock.Now).SetRecommendationUserSegment(segment);
        using var ends = ctx.Clock.EndsSpan(span.Activity);
        var started = ctx.Clock.Now;

        try
        {
            LoadFeatures(ctx, timesOut);
        }
        catch (FeatureStoreTimeoutException ex)
        {
            span.RecordException(ex, "user features not loaded in time");
            ctx.Meter.CreateRecommendationGenerateDurationHistogram().RecordFailure((ctx.Clock.Now - started).TotalSeconds, ex, segment);
            return;
        }

        // New users have little history, so they get a smaller, broader candidate set.
        var candidates = segment == RecommendationUserSegment.New ? ctx.Random.Next(150, 300) : ctx.Random.Next(400, 900);
        // The ranker favours the user's favourite genre: about half the row, the rest from the others.
        var favourite = ctx.Pick(Genres);
        var row = Enumerable.Range(0, 20).Select(_ => ctx.Random.NextDouble() < 0.5 ? favourite : ctx.Pick(Genres)).ToList();
        ctx.Clock.AdvanceSeconds(candidates * ctx.Between(0.00008, 0.00015));

        span.SetRecommendationCandidateCount(candidates).SetRecommendationItemCount(row.Count);
        if (span.IsRecording)
        {
            span.SetRecommendationDiversityScore(Diversity(row));
        }
        ctx.Meter.CreateRecommendationGenerateDurationHistogram().Record((ctx.Clock.Now - started).TotalSeconds, segment);
    }

    /// <summary>
    /// Gini-Simpson diversity of the row's genres (the chance that two items drawn at random differ),
    /// normalised so that an even spread over every genre scores 1 and a single genre 0.
    /// </summary>
    private static double Diversity(List<string> row)
    {
        var concentration = row.GroupBy(genre => genre).Sum(g => Math.Pow((double)g.Count() / row.Count, 2));
        return Math.Round((1 - concentration) / (1 - (1.0 / Genres.Length)), 2);
    }

    private static void LoadFeatures(ScenarioContext ctx, bool timesOut)
    {
        if (timesOut)
        {
            ctx.Clock.AdvanceSeconds(0.25);
            throw new FeatureStoreTimeoutException("Feature store read exceeded its 250 ms budget.");
        }
        ctx.Clock.AdvanceSeconds(ctx.Between(0.005, 0.03));
    }
}

/// <summary>The feature store did not answer within its budget.</summary>
public sealed class FeatureStoreTimeoutException(string message) : TimeoutException(message);
