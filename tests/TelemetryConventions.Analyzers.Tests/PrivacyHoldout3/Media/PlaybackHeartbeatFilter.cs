using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Media;

public sealed record Heartbeat(string SessionId, string TitleId, int PositionSeconds, int BitrateKbps, string ProfileName);

/// <summary>Reads the player heartbeat and the subscriber header before the endpoint runs.</summary>
public sealed class PlaybackHeartbeatFilter(ILogger<PlaybackHeartbeatFilter> logger, Meter meter, Pseudonymizer pseudonymizer) : IEndpointFilter
{
    private readonly Histogram<int> _bitrate = meter.CreateHistogram<int>("stream.heartbeat.bitrate", "kbps");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var heartbeat = context.Arguments.OfType<Heartbeat>().Single();
        var request = context.HttpContext.Request;
        var subscriber = request.Headers.TryGetValue("X-Subscriber-Id", out var header) ? header : request.Query.GetValueOrDefault("sid");
        var userAgent = request.Headers.GetValueOrDefault("User-Agent") ?? "unknown";

        _bitrate.Record(heartbeat.BitrateKbps, new KeyValuePair<string, object?>("stream.title", heartbeat.TitleId)); // clean direct
        _bitrate.Record(heartbeat.BitrateKbps, new KeyValuePair<string, object?>("user_agent.family", userAgent.Split('/')[0])); // clean precision-names

        var tags = new ActivityTagsCollection
        {
            ["stream.session"] = heartbeat.SessionId,
            ["stream.position"] = heartbeat.PositionSeconds,
        };
        Activity.Current?.AddEvent(new ActivityEvent("heartbeat", tags: tags)); // clean direct

        var attributed = new ActivityTagsCollection(tags) { ["stream.subscriber"] = subscriber };
        Activity.Current?.AddEvent(new ActivityEvent("heartbeat.attributed", tags: attributed)); // leak TC1001 cross-member

        if (subscriber is not null)
        {
            Activity.Current?.SetTag("stream.subscriber.ref", pseudonymizer.ComputeStreamSubscriberId(subscriber)); // clean precision-pseudonym
            logger.LogDebug("Heartbeat {Profile} at {Position}", heartbeat.ProfileName, heartbeat.PositionSeconds); // leak TC1001 direct
            logger.LogDebug(string.Format(CultureInfo.InvariantCulture, "heartbeat sid={0} pos={1}", subscriber, heartbeat.PositionSeconds)); // leak TC1001 strings
        }

        return await next(context);
    }
}
