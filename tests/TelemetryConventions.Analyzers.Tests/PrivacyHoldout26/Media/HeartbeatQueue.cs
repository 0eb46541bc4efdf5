using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using PrivacyHoldout26.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout26.Media;

/// <summary>A playback heartbeat, kept in the browser while the player is offline (downloads on a train).</summary>
public sealed record Heartbeat(string SubscriberId, string ProfileId, string TitleId, int PositionSeconds, int BitrateKbps);

/// <summary>
/// Heartbeats are written to <c>localStorage</c> through JS interop and sent in one go when the
/// browser is back online: a log per flush, a position histogram and a breadcrumb log event per beat.
/// </summary>
public sealed class HeartbeatQueue(IJSRuntime js, ILogger<HeartbeatQueue> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private const string Key = "streamline.heartbeats";

    private readonly Histogram<int> _positions = meter.CreateHistogram<int>("streamline.playback.position", "s");

    public async Task AddAsync(Heartbeat beat)
    {
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key);
        var beats = json is null ? new List<Heartbeat>() : JsonSerializer.Deserialize<List<Heartbeat>>(json) ?? [];
        beats.Add(beat);
        await js.InvokeVoidAsync("localStorage.setItem", Key, JsonSerializer.Serialize(beats));
    }

    public async Task FlushAsync()
    {
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key);
        if (json is null)
        {
            return;
        }

        var beats = JsonSerializer.Deserialize<List<Heartbeat>>(json) ?? [];
        logger.LogInformation("Flushing {Count} heartbeats kept offline", beats.Count); // clean precision-about
        logger.LogDebug("Heartbeat payload {Payload}", json); // leak TC1001 logging-objects
        foreach (var beat in beats)
        {
            logger.LogAppBreadcrumbEvent($"{beat.TitleId}@{beat.PositionSeconds}s {beat.BitrateKbps}kbps", "watch"); // clean generated-api
            _positions.Record(beat.PositionSeconds, new KeyValuePair<string, object?>("streamline.title", beat.TitleId)); // clean precision-names
            _positions.Record(beat.PositionSeconds, new KeyValuePair<string, object?>("streamline.profile", pseudonymizer.ComputeAppUserId(beat.ProfileId))); // leak TC1003 precision-pseudonym
        }

        await js.InvokeVoidAsync("localStorage.removeItem", Key);
    }
}
