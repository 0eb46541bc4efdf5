using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout27.Support;

namespace PrivacyHoldout27.Media;

public sealed record EdgeCallback(string TitleId, string Event, double PositionSeconds, Dictionary<string, string> Headers);

/// <summary>
/// Receives the CDN edge's playback callbacks. The player sends its trace context and baggage with
/// every segment request, and the edge hands them back in the callback's headers. The playback API
/// gives the player its baggage: <c>brand</c>, <c>subscriber.ref</c> (the generated helper's
/// pseudonym) and, for player builds older than 7.2, the raw <c>subscriber.id</c>.
/// </summary>
public sealed class EdgeCallbackHandler(ILogger<EdgeCallbackHandler> logger)
{
    private static readonly ActivitySource Source = new("Stream.Edge");

    public void Handle(EdgeCallback callback)
    {
        var propagated = Propagators.DefaultTextMapPropagator.Extract(default, callback.Headers, MessageHeaders.Get);
        logger.LogDebug("Edge callback for trace {TraceId} span {SpanId}", propagated.ActivityContext.TraceId, propagated.ActivityContext.SpanId); // clean precision-about

        using var activity = Source.StartActivity("edge.callback", ActivityKind.Server, propagated.ActivityContext);
        activity?.SetTag("media.title", callback.TitleId);
        activity?.SetTag("media.brand", propagated.Baggage.GetBaggage("brand")); // clean direct
        activity?.SetTag("media.subscriber_ref", propagated.Baggage.GetBaggage("subscriber.ref")); // clean precision-pseudonym
        activity?.SetTag("media.subscriber", propagated.Baggage.GetBaggage("subscriber.id")); // leak TC1001 cross-member
    }
}
