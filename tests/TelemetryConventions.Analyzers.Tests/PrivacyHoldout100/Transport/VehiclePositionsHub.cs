namespace PrivacyHoldout100.Transport;

/// <summary>A bus's position from its on-board unit.</summary>
public sealed record VehiclePosition(string VehicleId, string FleetPlate, string RouteId, double Latitude, double Longitude, string DriverStaffNumber);

/// <summary>
/// The live departures and vehicle map: riders' apps join a route's or a stop's group and receive the buses'
/// positions; the operations room sees which driver is on which vehicle. Riders may sign in with their
/// travel account, which the user id provider maps to the passenger's account id.
/// </summary>
public sealed class VehiclePositionsHub(ILogger<VehiclePositionsHub> logger, Pseudonymizer pseudonymizer, IHubContext<VehiclePositionsHub> hub) : Hub
{
    private static readonly ActivitySource Source = new("Transit.VehicleMap");
    private static readonly Meter Meter = new("Transit.VehicleMap");
    private static readonly FleetliveMessagesCounter Messages = Meter.CreateFleetliveMessagesCounter();
    private static readonly Counter<long> Subscriptions = Meter.CreateCounter<long>("vehiclemap.subscriptions");

    public async Task FollowRoute(string routeId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"route-{routeId}");
        using var span = Source.StartFleetliveHubInvoke("/hubs/vehicles", nameof(FollowRoute))
            .SetFleetliveRoute(routeId) // clean generated-api
            .SetFleetliveGroup($"route-{routeId}"); // clean generated-api
        if (Context.UserIdentifier is { } passenger)
        {
            span.SetFleetlivePassengerId(pseudonymizer.PseudonymizeFleetlivePassengerId(passenger)); // clean precision-pseudonym
            Subscriptions.Add(1, new KeyValuePair<string, object?>("route", routeId), new KeyValuePair<string, object?>("signed_in", true)); // clean precision-about
            logger.LogDebug("Passenger {Passenger} follows {Route}", passenger, routeId); // leak TC1001 direct
        }
    }

    public async Task BroadcastPosition(VehiclePosition position)
    {
        await hub.Clients.Group($"route-{position.RouteId}").SendAsync("vehicle", new { position.VehicleId, position.Latitude, position.Longitude });
        Messages.Add(1, "/hubs/vehicles", "vehicle", "sent"); // clean generated-api
        Activity.Current?.SetTag("vehiclemap.vehicle", position.VehicleId); // clean precision-names
        Activity.Current?.SetTag("vehiclemap.plate", position.FleetPlate); // clean precision-names
        Activity.Current?.SetTag("vehiclemap.position", $"{position.Latitude:F6},{position.Longitude:F6}"); // clean precision-about
        Activity.Current?.SetTag("vehiclemap.driver", position.DriverStaffNumber); // leak TC1001 cross-member
        logger.LogTrace("Vehicle position {Position}", position); // leak TC1001 logging-objects
        logger.LogTrace("Vehicle {Vehicle} on {Route} at {Lat:F5},{Lon:F5}", position.VehicleId, position.RouteId, position.Latitude, position.Longitude); // clean precision-about
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        using var span = Source.StartFleetliveConnection("/hubs/vehicles")
            .SetFleetliveConnectionId(Context.ConnectionId) // clean generated-api
            .SetFleetliveOutcome(exception is null ? "closed" : "dropped"); // clean generated-api
        span.SetFleetliveNote(exception?.Message ?? "normal close"); // clean exceptions
        return base.OnDisconnectedAsync(exception);
    }
}
