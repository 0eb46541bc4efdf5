using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Media;

public sealed record Heartbeat(string SessionId, string SubscriberId, string ProfileName, string TitleId, TimeSpan Position, int BitrateKbps, string? DeviceId);

/// <summary>Per-subscriber context resolved once per session and handed around by DI.</summary>
public sealed class ViewerContext(Pseudonymizer pseudonymizer)
{
    private Pseudonym? _subscriber;

    public string? SubscriberId { get; private set; }

    public string? ProfileName { get; private set; }

    public Pseudonym Subscriber => _subscriber ??= pseudonymizer.PseudonymizeStreamSubscriberId(SubscriberId ?? throw new InvalidOperationException("No viewer yet"));

    public void Set(string subscriberId, string profileName) => (SubscriberId, ProfileName) = (subscriberId, profileName);
}

public sealed class HeartbeatPipeline(ViewerContext viewer, ILogger<HeartbeatPipeline> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Stream.Heartbeats");
    private readonly Histogram<int> _bitrate = meter.CreateHistogram<int>("stream.bitrate", "kbit/s");

    public async IAsyncEnumerable<Heartbeat> AcceptAsync(IAsyncEnumerable<Heartbeat> incoming, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? lastTitle = null;
        await foreach (var beat in incoming.WithCancellation(cancellationToken))
        {
            if (viewer.SubscriberId is null)
            {
                viewer.Set(beat.SubscriberId, beat.ProfileName);
            }

            if (beat.TitleId != lastTitle)
            {
                using var playback = Source.StartStreamPlayback(viewer.Subscriber); // clean precision-pseudonym
                playback.SetStreamTitleId(beat.TitleId);
                lastTitle = beat.TitleId;
            }

            _bitrate.Record(beat.BitrateKbps, new KeyValuePair<string, object?>("stream.title.id", beat.TitleId)); // clean precision-names
            _bitrate.Record(beat.BitrateKbps, new KeyValuePair<string, object?>("stream.device.id", beat.DeviceId)); // leak TC1003 direct
            yield return beat;
        }
    }

    public async ValueTask<int> StallsAsync(IAsyncEnumerable<Heartbeat> beats)
    {
        var stalls = 0;
        TimeSpan? previous = null;
        await foreach (var beat in beats)
        {
            if (previous is { } p && beat.Position <= p)
            {
                stalls++;
                Activity.Current?.AddStreamPlaybackStalledEvent($"stall at {beat.Position:mm\\:ss} for profile {viewer.ProfileName}"); // leak TC1001 generated-api
                Activity.Current?.AddStreamPlaybackStalledEvent($"stall at {beat.Position:mm\\:ss}, bitrate {beat.BitrateKbps}"); // clean generated-api
            }
            previous = beat.Position;
        }

        logger.LogInformation("Session for {Viewer} had {Stalls} stalls", viewer.Subscriber, stalls); // clean precision-pseudonym
        logger.LogInformation("Session for {Viewer} had {Stalls} stalls", viewer.SubscriberId, stalls); // leak TC1001 cross-member
        logger.LogDebug("Profile {Profile} watched through the stalls", viewer.ProfileName); // leak TC1001 cross-member

        var summary = new StringBuilder("session of ").Append(viewer.SubscriberId).Append(": ").Append(stalls).Append(" stalls");
        Activity.Current?.SetTag("stream.session.summary", summary.ToString()); // leak TC1001 strings
        return stalls;
    }
}

/// <summary>Continue-watching rows, built from the last heartbeat of each title.</summary>
public sealed class ContinueWatchingProjection(ILogger<ContinueWatchingProjection> logger)
{
    public IReadOnlyDictionary<string, TimeSpan> Build(IEnumerable<Heartbeat> history)
    {
        var rows = history
            .GroupBy(h => (h.SubscriberId, h.TitleId))
            .ToDictionary(g => $"{g.Key.SubscriberId}/{g.Key.TitleId}", g => g.Max(h => h.Position));

        logger.LogDebug("Built {Rows} continue-watching rows", rows.Count); // clean precision-about
        logger.LogDebug("Continue-watching keys: {Keys}", rows.Keys); // leak TC1001 logging-objects

        var (subscribers, titles) = (history.Select(h => h.SubscriberId).Distinct().Count(), history.Select(h => h.TitleId).Distinct().Count());
        logger.LogDebug("{Subscribers} subscribers across {Titles} titles", subscribers, titles); // clean precision-about
        return rows;
    }
}
