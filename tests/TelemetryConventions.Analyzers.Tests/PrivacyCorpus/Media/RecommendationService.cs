using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Media;

public sealed record ViewerContext(string SubscriberId, string ViewerSegment, string Locale, int HouseholdProfileCount);

public sealed record Recommendation(string TitleId, double Score);

public interface IWatchHistory
{
    Task<IReadOnlyList<string>> RecentTitlesAsync(string subscriberId, CancellationToken cancellationToken);
}

/// <summary>Builds the home-page rows; scoped per request.</summary>
public sealed class RecommendationService(IWatchHistory history, Pseudonymizer pseudonymizer, ILogger<RecommendationService> logger)
{
    private static readonly ActivitySource Source = new("Stream.Recommendations");
    private static readonly Meter Meter = new("Stream.Recommendations");
    private static readonly Histogram<int> Candidates = Meter.CreateHistogram<int>("stream.recommendation.candidates");

    private readonly Dictionary<string, List<string>> _seenBySubscriber = new(StringComparer.Ordinal);

    private ViewerContext? Viewer { get; set; }

    public string? CurrentSubscriber => Viewer?.SubscriberId;

    public async Task<IReadOnlyList<Recommendation>> RecommendAsync(ViewerContext viewer, CancellationToken cancellationToken)
    {
        Viewer = viewer;
        using var activity = Source.StartActivity("recommendation.generate");
        activity?.SetTag("stream.viewer.segment", viewer.ViewerSegment); // clean precision-names
        activity?.SetTag("stream.household.profile_count", viewer.HouseholdProfileCount); // clean precision-names
        activity?.SetTag("stream.viewer", CurrentSubscriber); // leak TC1001 cross-member

        var recent = await history.RecentTitlesAsync(viewer.SubscriberId, cancellationToken);
        _seenBySubscriber[viewer.SubscriberId] = recent.ToList();
        var candidates = Enumerable.Range(0, 40).Select(i => new Recommendation($"title-{i}", 1.0 / (i + 1))).ToList();
        Candidates.Record(candidates.Count, new KeyValuePair<string, object?>("stream.viewer.segment", viewer.ViewerSegment)); // clean precision-names
        Candidates.Record(candidates.Count, new KeyValuePair<string, object?>("stream.viewer.hash", StringComparer.OrdinalIgnoreCase.GetHashCode(viewer.SubscriberId))); // leak TC1003 hashes
        activity?.SetTag("stream.viewer.hash", StringComparer.OrdinalIgnoreCase.GetHashCode(viewer.SubscriberId)); // leak TC1002 hashes
        activity?.SetTag("stream.history.size", _seenBySubscriber[viewer.SubscriberId].Count); // clean precision-about

        Func<Task<string>> resolveOwner = async () =>
        {
            await Task.Yield();
            return viewer.SubscriberId;
        };
        logger.LogDebug("Owner {Owner}", await resolveOwner()); // leak TC1001 cross-member
        Func<Pseudonym> owner = () => pseudonymizer.Pseudonymize("stream.subscriber.id", viewer.SubscriberId);
        logger.LogDebug("Owner {Owner}", owner()); // clean precision-pseudonym
        return candidates.Take(20).ToList();
    }

    public void LogSeen()
    {
        foreach (var (subscriber, titles) in _seenBySubscriber)
        {
            logger.LogDebug("{Subscriber} has seen {TitleCount} titles", subscriber, titles.Count); // leak TC1001 cross-member
            logger.LogDebug("A subscriber has seen {TitleCount} titles", titles.Count); // clean precision-about
        }

        var keys = _seenBySubscriber.Keys.Select(k => pseudonymizer.Compute("stream.subscriber.id", k)).ToArray();
        Activity.Current?.SetTag("stream.subscribers", string.Join(",", keys)); // clean precision-pseudonym
    }
}
