using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PrivacyHoldout67.Media;

/// <summary>A player heartbeat. <c>Context</c> is the span context of the heartbeat request.</summary>
public sealed record Heartbeat(string SessionId, Guid SubscriberId, string ProfileId, string TitleId, string DeviceId, int BitrateKbps, int BufferingMs, ActivityContext Context);

/// <summary>The aggregates table refused a row; its message quotes the row key.</summary>
public sealed class AggregateConflictException(string rowKey) : Exception($"Row {rowKey} was changed by another writer");

public interface IAggregateStore
{
    Task UpsertAsync(string rowKey, int heartbeats, int bufferingMs, CancellationToken cancellationToken);
}

/// <summary>
/// Flushes the heartbeats the API buffered every thirty seconds: one flush span per round, linked to
/// the last heartbeat request of each session, and one logging scope per session.
/// </summary>
public sealed class HeartbeatAggregator(ConcurrentQueue<Heartbeat> buffer, IAggregateStore store, TelemetrySecrets secrets, ILogger<HeartbeatAggregator> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Heartbeats");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
            var drained = new List<Heartbeat>();
            while (buffer.TryDequeue(out var heartbeat))
            {
                drained.Add(heartbeat);
            }

            var sessions = drained.GroupBy(h => h.SessionId).ToList();
            var links = sessions.Select(g => new ActivityLink(g.Last().Context, new ActivityTagsCollection { ["playback.session"] = g.Key, ["playback.title"] = g.Last().TitleId })).ToList(); // clean direct
            var profileLinks = sessions.Select(g => new ActivityLink(g.Last().Context, new ActivityTagsCollection { ["playback.profile"] = g.Last().ProfileId })); // leak TC1001 direct
            using var activity = Source.StartActivity(ActivityKind.Internal, links: links.Concat(profileLinks), name: "heartbeats.flush");
            activity?.SetTag("heartbeats.sessions", sessions.Count);
            activity?.SetTag("heartbeats.count", drained.Count);

            foreach (var session in sessions)
            {
                await FlushSessionAsync(session.Key, session.ToList(), activity, stoppingToken);
            }
        }
    }

    private async Task FlushSessionAsync(string sessionId, List<Heartbeat> heartbeats, Activity? flush, CancellationToken ct)
    {
        var last = heartbeats[^1];
        using var scope = logger.BeginScope(new { SessionId = sessionId, last.TitleId }); // clean logging-objects
        using var ownerScope = logger.BeginScope(new { SessionId = sessionId, Subscriber = last.SubscriberId }); // leak TC1001 logging-objects
        var buffering = heartbeats.Sum(h => h.BufferingMs);
        BitrateLadder.Annotate(heartbeats.Select(h => h.BitrateKbps).ToList());
        flush?.SetTag("device.cohort", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(last.DeviceId)))[..6]); // leak TC1002 hashes
        flush?.SetTag("device.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(last.DeviceId))[0] % 4); // clean hashes
        var rowKey = $"{last.SubscriberId:N}:{last.TitleId}";
        try
        {
            await store.UpsertAsync(rowKey, heartbeats.Count, buffering, ct);
        }
        catch (AggregateConflictException ex)
        {
            flush?.SetStatus(ActivityStatusCode.Error, string.Format("Aggregate {0} conflicted", rowKey)); // leak TC1001 strings
            logger.LogError(ex, "Aggregate for session {SessionId} not written", sessionId); // leak TC1001 exceptions
            flush?.AddEvent(new ActivityEvent("aggregate.conflict", tags: new ActivityTagsCollection { ["exception.type"] = nameof(AggregateConflictException), ["session"] = sessionId })); // clean exceptions
        }
        catch (OperationCanceledException ex) when (ct.IsCancellationRequested)
        {
            flush?.AddException(ex); // clean exceptions
        }
        if (buffering > 10_000)
        {
            logger.LogWarning("Session {SessionId} buffered {Ms} ms on {Profile}", sessionId, buffering, last.ProfileId); // leak TC1001 direct
            logger.LogWarning("Session {SessionId} buffered {Ms} ms at {Bitrate} kbps", sessionId, buffering, last.BitrateKbps); // clean precision-about
        }
    }
}

/// <summary>Deep in the flush: says which rung of the bitrate ladder the session mostly played.</summary>
internal static class BitrateLadder
{
    private static readonly int[] Rungs = [235, 750, 1750, 4300, 8000];

    public static void Annotate(IReadOnlyList<int> bitrates)
    {
        var median = bitrates.Order().ElementAt(bitrates.Count / 2);
        var rung = Array.FindLastIndex(Rungs, r => r <= median);
        Activity.Current?.SetTag("abr.rung", rung); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("abr.switches", tags: new ActivityTagsCollection { ["abr.switches"] = bitrates.Zip(bitrates.Skip(1)).Count(p => p.First != p.Second) })); // clean precision-about
    }
}
