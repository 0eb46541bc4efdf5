using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout69.Transport;

public sealed record Tap(string CardNumber, string StopCode, string RouteId, DateTimeOffset At);

/// <summary>The tap feed from a stop stopped. The message names the stop and the gap.</summary>
public sealed class TapFeedGapException(string stopCode, int minutes)
    : Exception($"No taps from stop {stopCode} for {minutes} minutes.");

/// <summary>
/// Predicts crowding per stop for the next 30 minutes from the last hour of taps, watches the tap
/// counts for drift and the taps for data-quality failures, and feeds the frequent-rider feature
/// view that the suggestions model reads.
/// </summary>
public sealed class CrowdingPredictor(
    IScoringClient scoring,
    ShardKey shardKey,
    ILogger<CrowdingPredictor> logger)
{
    private static readonly ActivitySource Source = new("Transit.Crowding");
    private static readonly Meter Meter = new("Transit.Crowding");
    private static readonly Histogram<double> Predicted = Meter.CreateHistogram<double>("crowding.predicted_load");
    private static readonly Counter<long> TapsSeen = Meter.CreateCounter<long>("crowding.taps");
    private readonly Dictionary<string, List<double>> _referenceCounts = new();

    public async Task PredictAsync(string routeId, IReadOnlyList<Tap> lastHour, CancellationToken ct)
    {
        using var activity = Source.StartActivity("crowding.predict");
        activity?.SetTag("transit.route", routeId); // clean precision-about
        activity?.SetTag("crowding.tap_count", lastHour.Count);
        activity?.SetTag("crowding.distinct_cards", lastHour.Select(t => t.CardNumber).Distinct().Count()); // clean precision-about

        CheckQuality(lastHour, activity);

        foreach (var stop in lastHour.GroupBy(t => t.StopCode))
        {
            if (stop.Max(t => t.At) < DateTimeOffset.UtcNow.AddMinutes(-20))
            {
                var gap = new TapFeedGapException(stop.Key, 20);
                activity?.AddException(gap); // clean exceptions
                logger.LogWarning(gap, "Tap feed gap; stop predicted from the timetable"); // clean exceptions
                continue;
            }

            var inputs = new Dictionary<string, object?> { ["stop"] = stop.Key, ["taps_60m"] = stop.Count(), ["hour"] = DateTimeOffset.UtcNow.Hour };
            var response = await scoring.ScoreAsync(new ScoringRequest("crowding-lstm", inputs), ct);
            Predicted.Record(response.Score, new KeyValuePair<string, object?>("stop", stop.Key), new KeyValuePair<string, object?>("route", routeId)); // clean precision-about
            logger.LogDebug("Crowding {Stop}: {Inputs} -> {Load:0.00}", stop.Key, inputs, response.Score); // clean logging-objects
            TrackDrift(stop.Key, stop.Count(), activity);
        }

        var frequent = lastHour.GroupBy(t => t.CardNumber).Where(g => g.Count() >= 4).Select(g => g.Key).ToList();
        logger.LogInformation("Frequent riders this hour on {Route}: {Cards}", routeId, frequent); // leak TC1001 logging-objects
        foreach (var card in frequent)
        {
            TapsSeen.Add(1, new KeyValuePair<string, object?>("card", card)); // leak TC1003 direct
            activity?.AddEvent(new ActivityEvent("crowding.frequent_rider", tags: new ActivityTagsCollection { ["card.ref"] = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(card)))[..12] })); // leak TC1002 hashes
            activity?.AddEvent(new ActivityEvent("crowding.frequent_rider.shard", tags: new ActivityTagsCollection { ["card.shard"] = shardKey.Bucket(card, 16) })); // clean hashes
        }
    }

    private void CheckQuality(IReadOnlyList<Tap> taps, Activity? activity)
    {
        var future = taps.Where(t => t.At > DateTimeOffset.UtcNow.AddMinutes(2))
            .Select(t => new QualityViolation("tap_time", "not_in_future", t.CardNumber, t.At.ToString("O")))
            .ToList();
        activity?.SetTag("crowding.dq.future_taps", future.Count); // clean precision-about
        if (future.Count > 0)
        {
            logger.LogWarning("Taps in the future: {Violations}", future); // leak TC1001 logging-objects
            logger.LogWarning("First future tap: {Card} at {At}", future[0].EntityKey, future[0].ObservedValue); // leak TC1001 cross-member
            logger.LogWarning("Failed expectation {Expectation} on {Feature}", future[0].Expectation, future[0].Feature); // clean cross-member
        }
    }

    private void TrackDrift(string stopCode, int count, Activity? activity)
    {
        if (!_referenceCounts.TryGetValue(stopCode, out var reference))
        {
            _referenceCounts[stopCode] = reference = new List<double>();
        }
        reference.Add(count);
        if (reference.Count >= 48)
        {
            var psi = DataQuality.PopulationStabilityIndex(reference.Take(24).ToList(), reference.Skip(24).ToList());
            activity?.AddEvent(new ActivityEvent("crowding.drift", tags: new ActivityTagsCollection { ["stop"] = stopCode, ["psi"] = psi })); // clean precision-about
            reference.RemoveRange(0, 24);
        }
    }
}
