using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout66.Media;

public sealed record Heartbeat(string SessionId, Guid SubscriberId, string SubscriberEmail, string ProfileId, string TitleId, int PositionSeconds, int BitrateKbps, double BufferSeconds, string? TraceParent, string UserAgent);

public sealed class LicenceRenewalException(string keyId, int status)
    : Exception($"Licence server refused renewal of key {keyId} with status {status}.");

public sealed class ConcurrentStreamLimitException(Guid subscriberId, int limit)
    : Exception($"Subscriber {subscriberId} is over the {limit}-stream limit.");

/// <summary>
/// Handles the players' heartbeats. Each heartbeat continues the player's trace, so the histograms
/// it records carry exemplars that link a slow bucket to the session's trace.
/// </summary>
public sealed class HeartbeatHandler(
    PlaybackMetrics metrics,
    IMetrics platformMetrics,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HeartbeatHandler> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Playback");

    private readonly Histogram<double> _buffer = metrics.Meter.CreateHistogram<double>("playback.buffer", "s");
    private readonly Histogram<double> _handling = metrics.Meter.CreateHistogram<double>("heartbeat.handling", "ms");
    private readonly ConcurrentDictionary<Guid, HashSet<string>> _sessionsBySubscriber = new();

    public void Handle(Heartbeat beat, PlaybackSession session)
    {
        var stopwatch = Stopwatch.StartNew();
        ActivityContext.TryParse(beat.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("heartbeat", ActivityKind.Consumer, parent);
        activity?.SetTag("playback.session", beat.SessionId); // clean direct
        activity?.SetTag("playback.subscriber", pseudonymizer.ComputePlaybackSubscriberId(beat.SubscriberId.ToString())); // clean precision-pseudonym
        activity?.SetTag("user_agent.original", beat.UserAgent); // clean precision-names
        activity?.SetTag("playback.subscriber.cohort", Convert.ToHexString(SHA256.HashData(beat.SubscriberId.ToByteArray()))[..4]); // leak TC1002 hashes

        // Recorded inside the heartbeat's activity: the SDK attaches the trace as an exemplar.
        _buffer.Record(beat.BufferSeconds, new KeyValuePair<string, object?>("cdn", session.Cdn), new KeyValuePair<string, object?>("title", beat.TitleId)); // clean direct
        _buffer.Record(beat.BufferSeconds, new KeyValuePair<string, object?>("cdn", session.Cdn), new KeyValuePair<string, object?>("trace", activity?.TraceId.ToHexString())); // clean direct
        metrics.Bitrate(beat.SessionId, session.Cdn, beat.BitrateKbps); // clean direct

        var sessions = _sessionsBySubscriber.GetOrAdd(beat.SubscriberId, _ => new HashSet<string>());
        lock (sessions)
        {
            sessions.Add(beat.SessionId);
        }
        metrics.Concurrency(session, sessions.Count); // leak TC1003 cross-member
        logger.LogDebug("Heartbeat {Position}s for {Session}", beat.PositionSeconds, session); // leak TC1001 logging-objects
        if (sessions.Count > 4)
        {
            var ex = new ConcurrentStreamLimitException(beat.SubscriberId, 4);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            platformMetrics.Increment("playback.limit.hit", 1, new("plan", session.Plan), new("limit", 4)); // clean precision-about
            metrics.FailedFor(session, ex); // leak TC1003 exceptions
        }

        if (beat.BufferSeconds < 0.5)
        {
            metrics.Rebuffered(session, 1 - beat.BufferSeconds); // leak TC1003 cross-member
            logger.LogPlaybackStalledEvent(beat.TitleId, pseudonymizer.PseudonymizePlaybackSubscriberId(beat.SubscriberId.ToString()), playbackOutcome: "rebuffer"); // clean generated-api
            logger.LogPlaybackStalledEvent(beat.TitleId, playbackOutcome: $"rebuffer for {beat.SubscriberEmail}"); // leak TC1001 generated-api
            logger.LogWarning("Stall on {Title} at {Position}s, shard {Shard}", beat.TitleId, beat.PositionSeconds, KeyedShard.Of(secrets.ShardKey, beat.SubscriberId.ToString(), 64)); // clean hashes
        }

        _handling.Record(stopwatch.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("result", "ok"));
    }

    public void RenewalFailed(Heartbeat beat, PlaybackSession session, LicenceRenewalException ex)
    {
        metrics.Failed(session, "licence"); // clean generated-api
        metrics.FailedFor(session, ex); // clean exceptions
        logger.LogError(ex, "Licence renewal failed for session {Session}", beat.SessionId); // clean exceptions
        logger.LogError(ex, "Licence renewal failed for {Email}", beat.SubscriberEmail); // leak TC1001 direct
    }
}
