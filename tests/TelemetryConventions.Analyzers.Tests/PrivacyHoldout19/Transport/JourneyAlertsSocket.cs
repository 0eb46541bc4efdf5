using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Transport;

/// <summary>The rider app's socket for journey alerts: the app subscribes with the rider's travel card and a route.</summary>
public sealed class JourneyAlertsSocket(IRiders riders, ILogger<JourneyAlertsSocket> logger, Pseudonymizer pseudonymizer)
{
    private static readonly PartitionedRateLimiter<HttpContext> PerClient = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public async Task HandleAsync(HttpContext http)
    {
        using var lease = PerClient.AttemptAcquire(http);
        if (!lease.IsAcquired)
        {
            logger.LogWarning("Journey socket refused for {Client}: too many connections", $"ip:{http.Connection.RemoteIpAddress}"); // leak TC1001 strings
            http.Response.StatusCode = 429;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[1024];
        var frame = await socket.ReceiveAsync(buffer, http.RequestAborted);
        var subscription = JsonSerializer.Deserialize<JourneySubscription>(buffer.AsSpan(0, frame.Count));
        if (subscription is null)
        {
            await socket.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "subscription expected", http.RequestAborted);
            return;
        }

        using var span = TransitTelemetry.Source.StartRealtimeInvocation("journey-alerts").SetRealtimeTransport("websockets").SetRealtimeChannel($"route-{subscription.RouteId}"); // clean generated-api
        logger.LogInformation("Journey alerts for card {CardNumber} on route {RouteId}", subscription.CardNumber, subscription.RouteId); // leak TC1001 direct
        logger.LogInformation("Journey alerts for card ending {CardSuffix} from stop {Stop}", subscription.CardNumber[^4..], subscription.BoardingStop); // clean precision-about

        var rider = await riders.ByCardAsync(subscription.CardNumber, http.RequestAborted);
        if (rider is null)
        {
            span.SetRealtimeNote("unknown card"); // clean precision-names
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unknown card", http.RequestAborted);
            return;
        }

        span.SetRealtimeParticipantId(pseudonymizer.PseudonymizeRealtimeParticipantId(rider.Id.ToString())); // clean precision-pseudonym
        Baggage.SetBaggage("rider.id", rider.Id.ToString()); // leak TC1001 cross-member
        logger.LogDebug("Subscription accepted: {@Subscription}", subscription); // leak TC1001 logging-objects
        logger.LogDebug("Disruption alerts for this journey are also mailed to {Email}", rider.Email); // leak TC1001 cross-member
        logger.LogDebug("Boarding at the rider's home stop: {AtHome}", rider.HomeStop == subscription.BoardingStop); // clean precision-about
    }
}
