using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Media;

/// <summary>A player's heartbeat, every ten seconds while a title plays.</summary>
public sealed record Heartbeat(Guid SessionId, Guid SubscriberId, Guid ProfileId, string ProfileName, string TitleId, string Cdn, ViewingDeviceClass DeviceClass, TimeSpan Position, int BufferingMs, DateTimeOffset At);

/// <summary>A viewing session folded from its heartbeats.</summary>
public sealed class ViewingSession(Heartbeat first)
{
    public Heartbeat First { get; } = first;

    public Heartbeat Last { get; set; } = first;

    public int Heartbeats { get; set; } = 1;

    public int Stalls { get; set; }

    public override string ToString() => $"session {First.SessionId} of {First.TitleId} on {First.DeviceClass} ({Heartbeats} heartbeats)";
}

/// <summary>
/// Folds heartbeats into viewing sessions. The ingest endpoint writes heartbeats to a channel; one
/// reader folds them, and a periodic flush closes the sessions that have had no heartbeat for two
/// minutes.
/// </summary>
public sealed class HeartbeatAggregator : BackgroundService
{
    private static readonly ActivitySource Source = new("Viewing.Sessions");
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);

    private readonly Channel<Heartbeat> _heartbeats = Channel.CreateBounded<Heartbeat>(new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<Guid, ViewingSession> _open = new();
    private readonly object _gate = new();
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Meter _meter;
    private readonly ILogger<HeartbeatAggregator> _logger;
    private readonly Counter<long> _droppedHeartbeats;

    public HeartbeatAggregator(Pseudonymizer pseudonymizer, Meter meter, ILogger<HeartbeatAggregator> logger)
    {
        _pseudonymizer = pseudonymizer;
        _meter = meter;
        _logger = logger;
        _droppedHeartbeats = meter.CreateCounter<long>("viewing.heartbeats.dropped");
    }

    public bool TryAccept(Heartbeat heartbeat)
    {
        if (_heartbeats.Writer.TryWrite(heartbeat))
        {
            return true;
        }
        _droppedHeartbeats.Add(1, new KeyValuePair<string, object?>("viewing.cdn", heartbeat.Cdn), new KeyValuePair<string, object?>("viewing.device.class", heartbeat.DeviceClass.ToWireValue())); // clean direct
        _droppedHeartbeats.Add(1, new KeyValuePair<string, object?>("viewing.profile", heartbeat.ProfileId)); // leak TC1003 direct
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flushing = FlushLoopAsync(stoppingToken);
        await foreach (var heartbeat in _heartbeats.Reader.ReadAllAsync(stoppingToken))
        {
            lock (_gate)
            {
                if (!_open.TryGetValue(heartbeat.SessionId, out var session))
                {
                    _open[heartbeat.SessionId] = session = new ViewingSession(heartbeat);
                    _logger.LogDebug("Opened {Session}", session); // clean logging-objects
                }
                session.Last = heartbeat;
                session.Heartbeats++;
                if (heartbeat.BufferingMs > 4_000)
                {
                    session.Stalls++;
                    _logger.LogViewingStallDetectedEvent(heartbeat.TitleId, heartbeat.Cdn, _pseudonymizer.PseudonymizeViewingProfileId(heartbeat.ProfileId.ToString()), heartbeat.DeviceClass, $"buffering {heartbeat.BufferingMs} ms at {heartbeat.Position:hh\\:mm\\:ss}"); // clean precision-pseudonym
                }
            }
        }
        await flushing;
    }

    private async Task FlushLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var started = Stopwatch.GetTimestamp();
            List<ViewingSession> idle;
            lock (_gate)
            {
                idle = _open.Values.Where(s => DateTimeOffset.UtcNow - s.Last.At > Idle).ToList();
                foreach (var session in idle)
                {
                    _open.Remove(session.First.SessionId);
                }
            }

            foreach (var byCdn in idle.GroupBy(s => s.First.Cdn))
            {
                foreach (var session in byCdn)
                {
                    Close(session);
                }
                _meter.CreateViewingHeartbeatFlushHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, byCdn.Key); // clean generated-api
            }
            _logger.LogInformation("Closed {Closed} idle sessions; {Open} still open", idle.Count, _open.Count); // clean precision-about
        }
    }

    private void Close(ViewingSession session)
    {
        var first = session.First;
        var profile = _pseudonymizer.PseudonymizeViewingProfileId(first.ProfileId.ToString());
        using var span = Source.StartViewingSessionClose(profile, first.TitleId) // clean precision-pseudonym
            .SetViewingDeviceClass(first.DeviceClass)
            .SetViewingHeartbeats(session.Heartbeats);
        span.SetViewingSubscriberId(_pseudonymizer.PseudonymizeViewingSubscriberId(first.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetViewingNote($"{session.Stalls} stalls, watched to {session.Last.Position:hh\\:mm}"); // clean generated-api
        if (session.Stalls > 3)
        {
            span.SetViewingNote($"{first.ProfileName} had {session.Stalls} stalls"); // leak TC1001 generated-api
        }
        _meter.CreateViewingSessionsCounter().Add(1, first.DeviceClass, first.Cdn); // clean generated-api
        _meter.CreateViewingSessionsCounter().Add(1, first.DeviceClass, profile.Value); // leak TC1003 precision-pseudonym
        _logger.LogInformation("Closed {Session}", session); // clean logging-objects
        _logger.LogDebug($"Session {first.SessionId} closed for profile {first.ProfileId}"); // leak TC1001 strings
        _logger.LogInformation("Closed session for subscriber {Subscriber} ({Session})", first.SubscriberId, session); // leak TC1001 direct
    }
}
