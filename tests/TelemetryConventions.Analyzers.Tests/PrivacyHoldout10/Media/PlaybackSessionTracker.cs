using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Media;

public sealed record PlaybackHeartbeat(string SessionId, string SubscriberId, string DeviceSerial, string AppVersion, int BitrateKbps, int BufferMs, IPAddress ClientIp);

public sealed class PlaybackStalledException(string sessionId, string subscriberId)
    : Exception($"playback {sessionId} of {subscriberId} stalled")
{
    public string SessionId { get; } = sessionId;
}

/// <summary>Quality-of-experience heartbeats from players, aggregated at the edge.</summary>
public sealed class PlaybackSessionTracker(Pseudonymizer pseudonymizer, ILogger<PlaybackSessionTracker> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Media.Playback");
    private static readonly Meter Meter = new("PrivacyHoldout10.Media.Playback");
    private static readonly Histogram<int> Bitrate = Meter.CreateHistogram<int>("playback.bitrate", "kbit/s");

    private readonly Dictionary<string, PlaybackHeartbeat> _lastBySession = new();
    private string? _lastSubscriber;

    public void OnHeartbeat(PlaybackHeartbeat heartbeat)
    {
        _lastBySession[heartbeat.SessionId] = heartbeat;
        _lastSubscriber = heartbeat.SubscriberId;

        using var activity = Source.StartActivity("playback.heartbeat");
        activity?.SetTag("playback.session", heartbeat.SessionId); // clean precision-names
        activity?.SetTag("playback.app.version", heartbeat.AppVersion); // clean precision-names
        activity?.SetTag("playback.device.serial", heartbeat.DeviceSerial); // leak TC1001 direct
        activity?.SetTag("playback.subscriber.bucket", BitConverter.ToInt32(MD5.HashData(Encoding.UTF8.GetBytes(heartbeat.SubscriberId))) & 0xFF); // leak TC1002 hashes
        Bitrate.Record(heartbeat.BitrateKbps, new KeyValuePair<string, object?>("playback.app.version", heartbeat.AppVersion)); // clean precision-names
        Bitrate.Record(heartbeat.BitrateKbps, new TagList { { "playback.subscriber", heartbeat.SubscriberId } }); // leak TC1003 direct

        var clientNet = heartbeat.ClientIp.GetAddressBytes().Take(2).ToArray();
        activity?.SetTag("client.network", $"{clientNet[0]}.{clientNet[1]}.0.0/16"); // clean precision-about

        if (heartbeat.BufferMs == 0)
        {
            var stalled = new PlaybackStalledException(heartbeat.SessionId, heartbeat.SubscriberId);
            activity?.AddException(stalled); // leak TC1001 exceptions
            logger.LogWarning("Playback {Session} stalled: {Reason}", stalled.SessionId, stalled.Message); // leak TC1001 exceptions
        }
    }

    public void Summarise()
    {
        using var activity = Source.StartActivity("playback.summary");
        activity?.SetTag("playback.sessions", _lastBySession.Count); // clean precision-about
        activity?.SetTag("playback.last.subscriber", _lastSubscriber); // leak TC1001 cross-member
        var subscribers = _lastBySession.Values.Select(h => h.SubscriberId).Distinct().ToList();
        activity?.SetTag("playback.subscribers.count", subscribers.Count); // clean precision-about
        logger.LogInformation("Active subscribers: {Subscribers}", subscribers); // leak TC1001 logging-objects
        foreach (var heartbeat in _lastBySession.Values)
        {
            activity?.AddEvent(new ActivityEvent("playback.session.open", tags: new ActivityTagsCollection { ["subscriber"] = pseudonymizer.Pseudonymize("subscriber", heartbeat.SubscriberId).Value })); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("playback.session.client", tags: new ActivityTagsCollection { ["client.address"] = heartbeat.ClientIp.ToString() })); // leak TC1001 direct
        }
    }
}
