namespace PrivacyHoldout117.Transport;

/// <summary>A ride request from the rider app.</summary>
public sealed record RideRequest(Guid RequestId, Guid RiderId, string RiderPhone, GeoPoint Pickup, GeoPoint Dropoff, string Zone, int Seats);

/// <summary>A driver who can take the ride: staff number, name, vehicle, position.</summary>
public sealed record DriverCandidate(string DriverStaffNumber, string DriverName, string VehicleId, GeoPoint Position, double Rating);

/// <summary>No driver could be matched: quotes the zone and the radius searched.</summary>
public sealed class NoDriverInRadiusException(string zone, double radiusKm)
    : Exception($"No driver within {radiusKm:F1} km in zone {zone}.");

/// <summary>
/// Matches riders of the demand-responsive service to drivers: nearest available vehicle within the
/// radius, then the best rated. Vehicles are the operator's; riders and drivers are people.
/// </summary>
public sealed class RideMatchingService(
    ILogger<RideMatchingService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    FleetOptions options)
{
    private readonly Histogram<double> _pickupKm = meter.CreateHistogram<double>("ridefleet.match.pickup_distance", "km");
    private readonly Counter<long> _matches = meter.CreateCounter<long>("ridefleet.matches");
    private readonly Counter<long> _driverOffers = meter.CreateCounter<long>("ridefleet.driver.offers");

    public DriverCandidate? Match(RideRequest request, IReadOnlyList<DriverCandidate> candidates)
    {
        using var span = source.StartRidefleetIngest($"zones/{request.Zone}/requests"); // clean strings
        span.SetRidefleetZone(request.Zone).SetRidefleetPingCount(candidates.Count); // clean generated-api
        span.SetRidefleetRiderId(pseudonymizer.PseudonymizeRidefleetRiderId(request.RiderId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("ride.request.id", request.RequestId); // clean precision-names
        span.Activity?.SetTag("ride.pickup", request.Pickup); // leak TC1001 direct
        span.Activity?.SetTag("ride.pickup.cell", Geohash.Encode(request.Pickup, 5)); // clean precision-about
        span.Activity?.SetTag("ride.seats", request.Seats); // clean precision-about
        logger.LogInformation("Matching {@Request}", request); // leak TC1001 logging-objects

        try
        {
            var nearby = candidates
                .Select(c => (Candidate: c, Km: c.Position.DistanceKmTo(request.Pickup)))
                .Where(x => x.Km <= options.MatchRadiusKm)
                .OrderBy(x => x.Km).ThenByDescending(x => x.Candidate.Rating)
                .ToList();
            if (nearby.Count == 0)
            {
                throw new NoDriverInRadiusException(request.Zone, options.MatchRadiusKm);
            }

            var (best, km) = nearby[0];
            _pickupKm.Record(km, new KeyValuePair<string, object?>("zone", request.Zone)); // clean precision-about
            _matches.Add(1, new KeyValuePair<string, object?>("zone", request.Zone), new KeyValuePair<string, object?>("vehicle", best.VehicleId)); // clean precision-names
            _driverOffers.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeRidefleetDriverId(best.DriverStaffNumber))); // leak TC1003 precision-pseudonym
            span.SetRidefleetDriverId(pseudonymizer.PseudonymizeRidefleetDriverId(best.DriverStaffNumber)); // clean precision-pseudonym
            span.SetRidefleetNote($"matched {best.DriverName} in {best.VehicleId}, {km:F1} km away"); // leak TC1001 generated-api
            logger.LogInformation("Matched vehicle {Vehicle} at {Km:F1} km, rating {Rating}", best.VehicleId, km, best.Rating); // clean precision-names
            logger.LogInformation("Candidates considered: {Candidates}", nearby.Select(x => x.Candidate.DriverStaffNumber)); // leak TC1001 strings
            return best;
        }
        catch (NoDriverInRadiusException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogRidefleetPingRejectedEvent($"zones/{request.Zone}/requests", "no_driver", pseudonymizer.PseudonymizeRidefleetRiderId(request.RiderId.ToString()), ex.Message); // clean generated-api
            logger.LogWarning("No driver for rider {Phone}", request.RiderPhone); // leak TC1001 direct
            return null;
        }
    }
}
