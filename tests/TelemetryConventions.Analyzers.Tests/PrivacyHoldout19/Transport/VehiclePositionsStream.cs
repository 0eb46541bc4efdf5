using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;

namespace PrivacyHoldout19.Transport;

/// <summary><c>GET /routes/{routeId}/vehicles/stream</c>: live positions of the buses on a route, as server-sent events.</summary>
public sealed class VehiclePositionsStream(IVehicleFeed feed, ILogger<VehiclePositionsStream> logger)
{
    public IResult Open([FromRoute] string routeId, HttpContext http)
    {
        logger.LogInformation("Vehicle stream for route {RouteId} opened on {ConnectionId}", routeId, http.Connection.Id); // clean precision-names
        TransitTelemetry.Meter.CreateRealtimeConnectionsUpDownCounter().Add(1, "vehicles", "server-sent-events"); // clean generated-api
        return TypedResults.ServerSentEvents(StreamAsync(routeId, http.RequestAborted));
    }

    private async IAsyncEnumerable<SseItem<VehiclePosition>> StreamAsync(string routeId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = 0;
        try
        {
            await foreach (var position in feed.PositionsAsync(routeId, cancellationToken))
            {
                if (position.DelaySeconds > 600)
                {
                    Activity.Current?.AddEvent(new ActivityEvent("vehicle.late", tags: new ActivityTagsCollection { ["vehicle.plate"] = position.FleetPlate, ["vehicle.delay_s"] = position.DelaySeconds })); // clean precision-names
                }

                sent++;
                TransitTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, "vehicles", $"route-{routeId}"); // clean generated-api
                yield return new SseItem<VehiclePosition>(position, "position") { EventId = $"{position.VehicleId}:{position.At.ToUnixTimeSeconds()}" };
            }
        }
        finally
        {
            TransitTelemetry.Meter.CreateRealtimeConnectionsUpDownCounter().Add(-1, "vehicles", "server-sent-events");
            logger.LogInformation("Vehicle stream for route {RouteId} closed after {Sent} positions", routeId, sent); // clean precision-about
        }
    }
}
