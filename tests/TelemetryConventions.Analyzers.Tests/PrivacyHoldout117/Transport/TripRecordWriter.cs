namespace PrivacyHoldout117.Transport;

/// <summary>
/// Closes trips from the on-board units' events and writes the trip record: origin and destination
/// are where a passenger got in and out; a staff trip (deadhead to the depot) has no passenger.
/// </summary>
public sealed class TripRecordWriter(
    ILogger<TripRecordWriter> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Histogram<double> _tripKm = meter.CreateHistogram<double>("ridefleet.trip.distance", "km");
    private readonly RidefleetIngestLagHistogram _lag = meter.CreateRidefleetIngestLagHistogram();
    private TripRecord? _lastPassengerTrip;

    public void Close(TripRecord trip, string zone)
    {
        using var span = source.StartRidefleetIngest("vehicles/+/trips");
        span.SetRidefleetZone(zone); // clean precision-names
        span.Activity?.SetTag("trip.id", trip.TripId); // clean precision-names
        span.Activity?.SetTag("trip.vehicle", trip.VehicleId); // clean precision-names
        span.Activity?.SetTag("trip.distance_km", Math.Round(trip.DistanceKm, 1)); // clean precision-about
        span.Activity?.SetTag("trip.duration_s", ((trip.EndedAt ?? DateTimeOffset.UtcNow) - trip.StartedAt).TotalSeconds); // clean precision-about
        _tripKm.Record(trip.DistanceKm, new KeyValuePair<string, object?>("zone", zone)); // clean precision-about
        _lag.Record((DateTimeOffset.UtcNow - (trip.EndedAt ?? trip.StartedAt)).TotalSeconds, "obu-4g"); // clean generated-api

        if (trip.PassengerId is null)
        {
            logger.LogInformation("Deadhead trip {Trip}", trip); // clean logging-objects
            return;
        }

        _lastPassengerTrip = trip;
        span.SetRidefleetRiderId(pseudonymizer.PseudonymizeRidefleetRiderId(trip.PassengerId)); // clean precision-pseudonym
        logger.LogInformation("Passenger trip {Trip}", trip); // leak TC1001 logging-objects
        logger.LogInformation("Trip {TripId} from {From} to {To}", trip.TripId, trip.Origin.Rounded(4), trip.Destination.Rounded(4)); // leak TC1001 direct
        logger.LogInformation("Trip {TripId} between areas {From} and {To}", trip.TripId, Geohash.Encode(trip.Origin, 4), Geohash.Encode(trip.Destination, 4)); // clean precision-about
        span.Activity?.SetTag("trip.od.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{trip.PassengerId}:{trip.StartedAt:yyyyMMdd}")))[..12]); // leak TC1002 hashes
    }

    public void AuditLast()
    {
        Activity.Current?.SetTag("trip.last.passenger", _lastPassengerTrip?.PassengerId); // leak TC1001 cross-member
        Activity.Current?.SetTag("trip.last.id", _lastPassengerTrip?.TripId); // clean cross-member
        Activity.Current?.SetTag("trip.last.destination", _lastPassengerTrip?.Destination.ToString()); // leak TC1001 cross-member
    }
}
