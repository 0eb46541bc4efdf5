using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Transport;

public sealed record RideRequest(string PassengerId, string PassengerPhone, string PickupZone, string DropoffZone, int Seats, string AppVersion);

public sealed record DriverAssignment(string DriverLicenseNumber, string DriverDisplayName, string VehicleId, string Zone);

/// <summary>Minimal API of the ride-booking service.</summary>
public static class RideBookingEndpoints
{
    private static readonly ActivitySource Source = new("Fleet.Rides");
    private static readonly Meter Meter = new("Fleet.Rides");
    private static readonly FleetTripsCounter Trips = Meter.CreateFleetTripsCounter();
    private static readonly Histogram<int> Seats = Meter.CreateHistogram<int>("fleet.ride.seats");

    public static EndpointRoutes MapRides(this EndpointRoutes routes)
    {
        routes.MapPost("/rides", (RideRequest ride, ILogger<RideRequest> logger, Pseudonymizer pseudonymizer) =>
        {
            var passenger = pseudonymizer.Pseudonymize(FleetAttributes.PassengerId, ride.PassengerId);
            using var trip = Source.StartFleetTrip(passenger, spanName: "ride " + ride.PickupZone); // clean generated-api
            trip.SetFleetZone(ride.PickupZone); // clean generated-api
            trip.SetFleetTripStopCount(2); // clean generated-api
            trip.SetFleetDispatchNote("callback " + ride.PassengerPhone); // leak TC1001 generated-api
            trip.Activity?.SetTag("app.version", ride.AppVersion); // clean direct
            trip.Activity?.AddBaggage("fleet.passenger", ride.PassengerId); // leak TC1001 direct
            trip.Activity?.AddBaggage("fleet.passenger", passenger.Value); // clean precision-pseudonym

            Seats.Record(ride.Seats, new KeyValuePair<string, object?>("fleet.zone", ride.PickupZone)); // clean direct
            Trips.Add(1, fleetZone: ride.PickupZone, fleetTripStatus: FleetTripStatus.Completed); // clean generated-api
            Trips.Add(1, fleetZone: ride.PassengerId, fleetTripStatus: FleetTripStatus.Completed); // leak TC1003 generated-api
            logger.LogInformation("Ride requested from {PickupZone} to {DropoffZone} for {Seats} seats", ride.PickupZone, ride.DropoffZone, ride.Seats); // clean direct
            return Guid.NewGuid();
        });

        routes.MapPost("/rides/{rideId}/driver", (Guid rideId, DriverAssignment driver, ILogger<DriverAssignment> logger) =>
        {
            Activity.Current?.SetTag("fleet.vehicle.id", driver.VehicleId); // clean precision-names
            Activity.Current?.SetTag("fleet.driver.licence", driver.DriverLicenseNumber); // leak TC1001 precision-names
            logger.LogInformation("Driver {DriverName} assigned to ride {RideId}", driver.DriverDisplayName, rideId); // leak TC1001 precision-names
            logger.LogInformation("Vehicle {VehicleId} assigned to ride {RideId} in {Zone}", driver.VehicleId, rideId, driver.Zone); // clean precision-names
            return rideId;
        });

        routes.MapGet("/rides/{rideId}/eta", (Guid rideId, string passengerId, TimeSpan eta, ILogger<RideRequest> logger) =>
        {
            var handler = $"ETA {eta.TotalMinutes.ToString("F0", CultureInfo.InvariantCulture)} min for {passengerId}";
            Activity.Current?.SetTag("fleet.eta.message", handler); // leak TC1001 strings
            Activity.Current?.SetTag("fleet.eta.minutes", eta.TotalMinutes); // clean precision-about
            logger.LogInformation("ETA for passenger {PassengerId}: {Eta}", passengerId, eta); // leak TC1001 direct
            return eta;
        });

        return routes;
    }
}
