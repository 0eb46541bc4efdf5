namespace PrivacyHoldout216.Transport;

public sealed record EndTripRequest(string TripId, string RiderId, string VehicleId, string EndZone, double Latitude, double Longitude, string? ParkingPhotoId);

/// <summary>A city's cycle and e-scooter hire: trips end in a parking bay with a photo; accounts are looked up by the rider's id.</summary>
public static partial class CityHireTripsApi
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Transport.Trips");
    private static readonly Meter Meter = new("PrivacyHoldout216.Transport.Trips");
    private static readonly Counter<long> TripsEnded = Meter.CreateCounter<long>("cityhire.trips_ended");
    private static readonly Histogram<int> TripMinutes = Meter.CreateHistogram<int>("cityhire.trip_minutes");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/trips/end", EndTripAsync);
        routes.MapGet("/riders/{riderId}/account", AccountAsync);
    }

    private static string RiderKey(Rider rider) => rider.Mobile;

    private static async Task<object> EndTripAsync(EndTripRequest request, IRiderStore riders, Pseudonymizer pseudonymizer, ILogger<EndTripRequest> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("cityhire.trip.end");
        activity?.SetTag("trip.id", request.TripId); // clean precision-names
        activity?.SetTag("trip.vehicle_id", request.VehicleId); // clean precision-names
        activity?.SetTag("trip.end_zone", request.EndZone); // clean precision-about
        activity?.SetTag("trip.has_photo", request.ParkingPhotoId is not null); // clean precision-about
        activity?.SetTag("trip.parking_photo_id", request.ParkingPhotoId); // clean precision-names
        activity?.SetTag("trip.end_latitude", request.Latitude); // leak TC1001 direct
        activity?.SetTag("trip.end_cell", $"{Math.Round(request.Latitude, 2)},{Math.Round(request.Longitude, 2)}"); // clean strings
        activity?.SetTag("trip.rider_id", request.RiderId); // leak TC1001 direct
        logger.LogInformation("Trip {TripId} ended in {Zone}", request.TripId, request.EndZone); // clean precision-names
        logger.LogInformation("Trip ended {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation($"Trip {request.TripId} ended by {request.RiderId}"); // leak TC1001 strings

        var rider = await riders.FindAsync(request.RiderId, cancellationToken) ?? throw new RiderNotFoundException(request.RiderId);
        var trips = await riders.TripsAsync(rider.RiderId, cancellationToken);
        var trip = trips.First(t => t.TripId == request.TripId);
        activity?.SetTag("trip.minutes", trip.Minutes); // clean precision-about
        activity?.SetTag("trip.fare", (double)trip.Fare); // clean precision-about
        activity?.SetTag("rider.trip_count", trips.Count); // clean precision-about
        activity?.SetTag("rider.tier", rider.Tier); // clean precision-names
        activity?.SetTag("rider.key", RiderKey(rider)); // leak TC1001 cross-member
        activity?.SetTag("rider.postcode", rider.Postcode); // leak TC1001 direct
        logger.LogInformation("Trip {Trip}", trip); // leak TC1001 logging-objects
        logger.LogInformation("Trip {Trip}", new TripSummary(trip.TripId, trip.VehicleId, trip.VehicleKind, trip.EndZone, trip.Minutes, trip.Fare)); // clean logging-objects
        logger.LogInformation("Trip {@Trip}", trip with { RiderId = "", EndLatitude = 0, EndLongitude = 0 }); // clean logging-objects
        TripMinutes.Record(trip.Minutes, new KeyValuePair<string, object?>("vehicle.kind", trip.VehicleKind)); // clean precision-about
        TripsEnded.Add(1, new KeyValuePair<string, object?>("trip.end_zone", trip.EndZone)); // clean precision-about
        TripsEnded.Add(1, new KeyValuePair<string, object?>("rider.postcode", rider.Postcode)); // leak TC1003 direct

        var riderPseudonym = pseudonymizer.Pseudonymize(RideDomains.Rider, rider.RiderId);
        using var span = Source.StartCityhireOperation(trip.EndZone);
        span.SetCityhireClientId(riderPseudonym); // clean generated-api
        span.SetCityhireVehicleKind(trip.VehicleKind); // clean generated-api
        span.SetCityhireMinutes(trip.Minutes); // clean generated-api
        span.SetCityhireOutcome("ok"); // clean generated-api
        span.SetCityhireNote($"parked at {trip.EndLatitude},{trip.EndLongitude}"); // leak TC1001 generated-api
        activity?.SetTag(CityhireAttributes.Contact, rider.Email); // leak TC1001 generated-api
        Meter.CreateCityhireOperationsCounter().Add(1, trip.EndZone, "ok"); // clean generated-api
        Meter.CreateCityhireOperationDurationHistogram().Record(trip.Minutes * 60.0, trip.EndZone); // clean generated-api
        TripsEnded.Add(1, new KeyValuePair<string, object?>("rider", riderPseudonym.Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.AddBaggage("cityhire.rider", riderPseudonym.Value); // clean precision-pseudonym
        Activity.Current?.AddBaggage("cityhire.rider_mobile", rider.Mobile); // leak TC1001 direct
        return new TripSummary(trip.TripId, trip.VehicleId, trip.VehicleKind, trip.EndZone, trip.Minutes, trip.Fare);
    }

    private static async Task<object> AccountAsync(string riderId, IRiderStore riders, ILogger<Rider> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("cityhire.account");
        activity?.SetTag("http.route", "/riders/{riderId}/account"); // clean precision-names
        activity?.SetTag("rider.id", riderId); // leak TC1001 direct
        var rider = await riders.FindAsync(riderId, cancellationToken);
        if (rider is null)
        {
            var ex = new RiderNotFoundException(riderId);
            logger.LogWarning(ex, "Account lookup failed"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "account not found"); // clean exceptions
            return "not found";
        }

        var summary = new RiderAccountSummary(rider.Tier, 0, true, "cityhire");
        logger.LogInformation("Account {Summary}", summary); // clean logging-objects
        logger.LogInformation("Account {Rider}", rider with { Email = "", Mobile = "" }); // leak TC1001 logging-objects
        activity?.SetTag("rider.age", DateTime.UtcNow.Year - rider.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("rider.born", rider.DateOfBirth.ToString()); // leak TC1001 direct
        activity?.SetTag("rider.name_initial", rider.FullName[..1]); // clean precision-about
        activity?.SetTag("rider.full_name", rider.FullName); // leak TC1001 direct
        LogAccountRead(logger, rider.FullName, rider.Tier); // clean logging-objects
        LogAccountOwner(logger, rider.Email); // leak TC1001 logging-objects
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account of {RiderName} read, tier {Tier}")]
    private static partial void LogAccountRead(ILogger logger, [PrivateData] string riderName, string tier);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account owner {RiderEmail}")]
    private static partial void LogAccountOwner(ILogger logger, string riderEmail);
}
