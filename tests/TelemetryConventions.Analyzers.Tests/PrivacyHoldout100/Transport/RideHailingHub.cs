using Microsoft.AspNetCore.SignalR.Client;

namespace PrivacyHoldout100.Transport;

/// <summary>A ride request from a passenger's app.</summary>
public sealed record RideRequest(string PassengerAccountId, string PassengerPhone, double PickupLatitude, double PickupLongitude, string PickupText);

/// <summary>A trip shared with a friend: the share link opens a page that follows the car.</summary>
public sealed record TripShare(string ShareId, string TripId, string SharedWithPhone, TimeSpan ValidFor);

/// <summary>Thrown when no driver is near the pickup; quotes the pickup the passenger typed.</summary>
public sealed class NoDriverAvailableException(string pickup)
    : Exception($"No driver available near '{pickup}'.");

/// <summary>
/// Demand-responsive rides: passengers request a ride, the dispatcher offers it to the nearest driver over
/// their connection, both sides see each other's position until pickup, and a passenger can share the trip
/// live with a friend. The drivers' app connects to the dispatch hub with the SignalR client and reconnects.
/// </summary>
public sealed partial class RideHailingHub(ILogger<RideHailingHub> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : Hub
{
    private static readonly ActivitySource Source = new("Transit.Rides");
    private static readonly Meter Meter = new("Transit.Rides");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("rides.requests");
    private static readonly FleetliveInvokeDurationHistogram Duration = Meter.CreateFleetliveInvokeDurationHistogram();

    public async Task RequestRide(RideRequest request, string zone)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFleetliveHubInvoke("/hubs/rides", nameof(RequestRide))
            .SetFleetlivePassengerId(pseudonymizer.PseudonymizeFleetlivePassengerId(request.PassengerAccountId)); // clean precision-pseudonym
        Requests.Add(1, new KeyValuePair<string, object?>("zone", zone)); // clean precision-about
        span.Activity?.SetTag("rides.pickup.cell", Geohash.Encode(request.PickupLatitude, request.PickupLongitude, 5)); // clean precision-about
        span.Activity?.SetTag("rides.pickup", $"{request.PickupLatitude:F5},{request.PickupLongitude:F5}"); // leak TC1001 direct
        span.Activity?.SetTag(FleetliveAttributes.PassengerContact, request.PassengerPhone); // leak TC1001 generated-api
        span.Activity?.SetTag("rides.phone.present", !string.IsNullOrEmpty(request.PassengerPhone)); // clean precision-about
        try
        {
            if (zone == "closed")
            {
                throw new NoDriverAvailableException(request.PickupText);
            }
            await Clients.Group($"drivers-{zone}").SendAsync("rideOffered", new { zone, request.PickupLatitude, request.PickupLongitude });
        }
        catch (NoDriverAvailableException ex)
        {
            logger.LogFleetliveInvokeFailedEvent(nameof(RequestRide), "no-driver", fleetliveNote: ex.Message); // leak TC1001 generated-api
            span.RecordException(ex); // clean exceptions
        }
        logger.LogInformation("Ride requested: {Request}", request); // leak TC1001 logging-objects
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "/hubs/rides", nameof(RequestRide)); // clean generated-api
    }

    public async Task ShareTrip(TripShare share)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"trip-{share.TripId}");
        Activity.Current?.SetTag("rides.share.id", share.ShareId); // clean precision-names
        Activity.Current?.SetTag("rides.share.valid_min", share.ValidFor.TotalMinutes); // clean precision-about
        LogShare(logger, share.TripId, share.SharedWithPhone); // leak TC1001 direct
        logger.LogDebug("Trip shared {Share}", share); // leak TC1001 logging-objects
        Activity.Current?.SetTag("rides.share.friend", Convert.ToBase64String(Encoding.UTF8.GetBytes(share.SharedWithPhone))); // leak TC1001 hashes
    }

    public Task DriverPosition(string tripId, LocationUpdate fix)
    {
        var driver = Context.UserIdentifier!;
        using var span = Source.StartFleetliveHubInvoke("/hubs/rides", nameof(DriverPosition))
            .SetFleetliveDriverId(pseudonymizer.PseudonymizeFleetliveDriverId(driver)); // clean precision-pseudonym
        span.SetFleetliveNote($"driver {driver} heading {fix.HeadingDegrees:0}"); // leak TC1001 generated-api
        span.Activity?.SetTag("rides.trip", tripId); // clean precision-names
        span.Activity?.SetTag("rides.driver.shard", Shards.Of(secrets.ShardKey, driver, 32)); // clean hashes
        return Clients.Group($"trip-{tripId}").SendAsync("driverPosition", fix);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trip {TripId} shared with {Phone}")]
    private static partial void LogShare(ILogger logger, string tripId, string phone);
}

/// <summary>The drivers' app's connection to the dispatch hub, with its reconnect handlers.</summary>
public sealed class DriverDispatchConnection(ILogger<DriverDispatchConnection> logger, Pseudonymizer pseudonymizer)
{
    private static readonly Meter Meter = new("Transit.DriverApp");
    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("driverapp.reconnects");

    public async Task ConnectAsync(HubConnection connection, string driverStaffNumber, string depot)
    {
        connection.Reconnecting += error =>
        {
            logger.LogWarning(error, "Dispatch connection lost for driver {Driver}", driverStaffNumber); // leak TC1001 direct
            Reconnects.Add(1, new KeyValuePair<string, object?>("depot", depot)); // clean precision-about
            return Task.CompletedTask;
        };
        connection.Reconnected += connectionId =>
        {
            logger.LogInformation("Dispatch reconnected as {ConnectionId} for {Driver}", connectionId, pseudonymizer.ComputeFleetliveDriverId(driverStaffNumber)); // clean precision-pseudonym
            Reconnects.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeFleetliveDriverId(driverStaffNumber))); // leak TC1003 precision-pseudonym
            return Task.CompletedTask;
        };
        connection.Closed += error =>
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, error?.Message); // clean exceptions
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        Activity.Current?.SetTag("driverapp.hub", connection.Url.AbsolutePath); // clean precision-names
        Activity.Current?.SetTag("driverapp.connection", connection.ConnectionId); // clean precision-names
    }
}
