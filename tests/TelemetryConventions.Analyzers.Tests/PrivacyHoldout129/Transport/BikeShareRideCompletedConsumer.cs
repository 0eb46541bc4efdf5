namespace PrivacyHoldout129.Transport;

public sealed record RideCompleted(string RideId, Guid RiderId, string BikeNumber, string FromDock, string ToDock, DateTimeOffset Started, DateTimeOffset Ended, IReadOnlyList<LatLng> Track, string? DiscountCode);

public sealed record CommuteCredit(string RideId, Guid RiderId, double Kilometres, int Co2Grams);

public interface ICommuteLedger
{
    Task<CommuteCredit> CreditAsync(RideCompleted ride, double kilometres, CancellationToken cancellationToken);
}

/// <summary>The city bike share: when a ride ends, its distance counts towards the rider's active travel credits.</summary>
public sealed class BikeShareRideCompletedConsumer(
    IConsumer<string, RideCompleted> consumer,
    ICommuteLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<BikeShareRideCompletedConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("BikeShare.Rides");
    private static readonly Meter Meter = new("BikeShare.Rides");
    private static readonly Histogram<double> RideKm = Meter.CreateHistogram<double>("bikeshare.ride.distance", "km");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            // The rides topic is keyed by ride id so a ride's events stay in order.
            var ride = result.Message.Value;
            using var span = Source.StartActivecommuteSync(activecommuteSource: "bikeshare");
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.SetActivecommuteActivityId(ride.RideId).SetActivecommuteRiderId(pseudonymizer.PseudonymizeActivecommuteRiderId(ride.RiderId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("bike.number", ride.BikeNumber); // clean precision-names
            span.Activity?.SetTag("ride.docks", $"{ride.FromDock}->{ride.ToDock}"); // clean strings

            var km = Distance(ride.Track);
            span.SetActivecommuteDistance(km * 1000).SetActivecommuteSampleCount(ride.Track.Count); // clean precision-about
            RideKm.Record(km, new KeyValuePair<string, object?>("from_dock", ride.FromDock)); // clean precision-names

            if (ride.Track.Count > 0)
            {
                var first = ride.Track[0];
                span.Activity?.SetTag("ride.first_fix", $"{first.Lat:F6},{first.Lng:F6}"); // leak TC1001 strings
                span.Activity?.SetTag("ride.track", ride.Track); // leak TC1001 logging-objects
                span.Activity?.SetTag("ride.track.points", ride.Track.Count); // clean precision-about
            }

            if (ride.Track.Count < 2 && (ride.Ended - ride.Started).TotalMinutes > 5)
            {
                logger.LogWarning("Ride {RideId} has no track; rider {RiderId}", ride.RideId, ride.RiderId); // leak TC1001 cross-member
            }

            try
            {
                var credit = await ledger.CreditAsync(ride, km, stoppingToken);
                logger.LogInformation("Credited {Credit}", credit); // leak TC1001 logging-objects
                logger.LogInformation("Credited {Km} km, {Co2} g CO2 saved", credit.Kilometres, credit.Co2Grams); // clean precision-about
                Meter.CreateActivecommuteActivitiesCounter().Add(1, activecommuteSport: "ride", activecommuteOutcome: ride.DiscountCode is null ? "credited" : "credited-discount"); // clean generated-api
            }
            catch (InvalidOperationException ex)
            {
                span.RecordException(ex, "ledger refused credit"); // clean exceptions
                logger.LogActivecommuteSyncFailedEvent(activecommuteSource: "bikeshare", activecommuteOutcome: "ledger-refused", activecommuteRiderId: pseudonymizer.PseudonymizeActivecommuteRiderId(ride.RiderId.ToString()), activecommuteNote: $"ride {ride.RideId} from {ride.FromDock}"); // clean generated-api
            }

            consumer.Commit(result);
        }
    }

    private static double Distance(IReadOnlyList<LatLng> track)
    {
        double total = 0;
        for (var i = 1; i < track.Count; i++)
        {
            var dLat = (track[i].Lat - track[i - 1].Lat) * 111.32;
            var dLng = (track[i].Lng - track[i - 1].Lng) * 111.32 * Math.Cos(track[i].Lat * Math.PI / 180);
            total += Math.Sqrt(dLat * dLat + dLng * dLng);
        }

        return total;
    }
}
