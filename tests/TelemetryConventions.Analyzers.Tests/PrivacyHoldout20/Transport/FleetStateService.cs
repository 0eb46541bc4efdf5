using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Dapr.Client;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout20.Transport;

public sealed record VehiclePing(string BusId, string Plate, string RouteId, double Lat, double Lon, DateTimeOffset At);

public sealed record ParkingSession(string SessionId, string CarPlate, string CarParkId, DateTimeOffset EnteredAt);

/// <summary>Bus positions in the Dapr state store (<c>vehicle:{busId}</c>), and park-and-ride barrier events.</summary>
public sealed class FleetStateService(DaprClient dapr, ILogger<FleetStateService> logger)
{
    public async Task SaveAsync(VehiclePing ping, CancellationToken cancellationToken)
    {
        var key = $"vehicle:{ping.BusId}";
        await dapr.SaveStateAsync("vehicles", key, ping, cancellationToken: cancellationToken);
        logger.LogDebug("Saved {Key}", key); // clean precision-names
        Activity.Current?.SetTag("fleet.plate", ping.Plate); // clean precision-names
        Activity.Current?.SetTag("fleet.route", ping.RouteId);
    }

    /// <summary>Lambda behind the barrier's API: a private car's plate opens a parking session.</summary>
    public async Task<APIGatewayProxyResponse> BarrierEntry(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var plate = request.QueryStringParameters!["plate"];
        var carPark = request.PathParameters!["carParkId"];
        var session = new ParkingSession(Guid.NewGuid().ToString("N"), plate, carPark, DateTimeOffset.UtcNow);

        await dapr.SaveStateAsync("parking", $"session:{session.SessionId}", session);
        context.Logger.LogInformation($"Parking session {session.SessionId} opened at {carPark}"); // clean precision-names
        context.Logger.LogInformation($"Barrier opened for {plate}"); // leak TC1001 strings
        context.Logger.LogInformation($"Plate region {plate[..2]}"); // clean precision-about
        context.Logger.LogInformation("Session " + session); // leak TC1001 logging-objects
        return new APIGatewayProxyResponse { StatusCode = 201, Body = session.SessionId };
    }
}
