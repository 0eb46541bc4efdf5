namespace PrivacyHoldout79.Education;

/// <summary>
/// Consumes the session-replay service's summaries of the student web app. The replay topic is
/// keyed by the student number. Pages visited are the app's URLs as the student saw them:
/// <c>/courses/{courseId}</c>, <c>/timetable</c> and <c>/students/{studentNumber}/grades</c>.
/// </summary>
public sealed class ReplaySummaryConsumer(
    IConsumer<string, ReplaySummary> consumer,
    ILogger<ReplaySummaryConsumer> logger,
    ActivitySource source,
    KeyedBuckets buckets,
    Meter meter)
{
    private static readonly ActivitySource Replays = new("Campus.Replays");
    private readonly Histogram<int> _rage = meter.CreateHistogram<int>("campus.replay.rage_clicks");

    public void Poll(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var summary = result.Message.Value;
        using var activity = Replays.StartActivity("replay.summary");
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
        activity?.SetTag("replay.id", summary.ReplayId); // clean precision-about
        activity?.SetTag("replay.session_id", summary.SessionId); // clean precision-about
        logger.LogInformation("Replay summary {Summary}", summary); // clean logging-objects
        _rage.Record(summary.RageClicks, new KeyValuePair<string, object?>("bucket", buckets.Bucket(result.Message.Key, 8))); // clean precision-about

        if (summary.RageClicks > 3)
        {
            logger.LogWarning("Rage clicks in replay {ReplayId} on {Pages}", summary.ReplayId, string.Join(" -> ", summary.VisitedUrls)); // leak TC1001 strings
            activity?.SetTag("replay.pages.count", summary.VisitedUrls.Count); // clean precision-about
            activity?.SetTag("replay.first_page", summary.VisitedUrls.FirstOrDefault()?.Split('/').Take(2).LastOrDefault()); // clean precision-about
        }

        if (summary.Errors > 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"replay {summary.ReplayId} has {summary.Errors} client errors"); // clean precision-about
            activity?.AddEvent(new ActivityEvent("replay.errors", tags: new ActivityTagsCollection { ["last_page"] = summary.VisitedUrls.LastOrDefault() })); // leak TC1001 direct
        }

        consumer.Commit(result);
    }
}
