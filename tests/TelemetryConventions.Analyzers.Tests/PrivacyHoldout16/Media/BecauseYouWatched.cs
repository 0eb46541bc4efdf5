using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.OpenFeature;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Media;

public sealed record WatchEvent(string TitleId, DateTimeOffset WatchedAt, double CompletedFraction);

public sealed record RecommendationRow(string Heading, IReadOnlyList<string> TitleIds, string Ranker);

/// <summary>The "Because you watched …" row: titles near the last one a profile watched, in embedding space.</summary>
public sealed class BecauseYouWatched(IVectorIndex titles, IFeatureClient flags, Pseudonymizer pseudonymizer, ILogger<BecauseYouWatched> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Stream.Recommendations");

    private readonly Counter<long> _rowsServed = meter.CreateCounter<long>("recs.rows.served", "{row}");

    public async Task<RecommendationRow?> BuildAsync(ViewingProfile profile, IReadOnlyList<WatchEvent> history, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("recs.because_you_watched");
        activity?.SetTag("recs.history.size", history.Count);
        if (history.Count == 0)
        {
            return null;
        }

        var seed = history.OrderByDescending(h => h.WatchedAt).First();
        activity?.SetTag("recs.seed.title", seed.TitleId); // clean precision-about

        var context = EvaluationContext.Builder().SetTargetingKey(profile.ProfileId).Set("maturity", profile.MaturityRating).Build();
        var ranker = await flags.GetStringDetailsAsync("recs-ranker", "two-tower-v3", context);
        activity?.SetTag("recs.ranker", ranker.Value); // clean precision-about
        activity?.AddExperimentExposureEvent("recs-ranker", ranker.Variant ?? ranker.Value, pseudonymizer.PseudonymizeExperimentSubjectId(profile.ProfileId)); // clean precision-pseudonym

        var embedding = await titles.EmbeddingOfAsync(seed.TitleId, cancellationToken) ?? ReadOnlyMemory<float>.Empty;
        activity?.SetTag("recs.embedding.dimensions", embedding.Length); // clean precision-about
        var neighbours = await titles.NearestAsync(embedding, 40, cancellationToken);
        var unseen = neighbours.Where(n => history.All(h => h.TitleId != n.ItemId)).Take(20).Select(n => n.ItemId).ToList();
        activity?.SetTag("recs.candidates", neighbours.Count);

        _rowsServed.Add(1, new KeyValuePair<string, object?>("ranker", ranker.Value), new("row", "because-you-watched")); // clean precision-about
        _rowsServed.Add(1, new KeyValuePair<string, object?>("ranker", ranker.Value), new("profile", profile.ProfileId)); // leak TC1003 direct
        logger.LogInformation("Row for {Profile}: {Titles}", profile, unseen); // leak TC1001 logging-objects
        logger.LogDebug("Row for subscriber {Subscriber} has {Count} titles", profile.SubscriberId, unseen.Count); // leak TC1001 cross-member
        return new RecommendationRow($"Because you watched {seed.TitleId}", unseen, ranker.Value);
    }
}
