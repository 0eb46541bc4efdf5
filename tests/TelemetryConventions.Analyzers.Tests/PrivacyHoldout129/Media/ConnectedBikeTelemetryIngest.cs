namespace PrivacyHoldout129.Media;

/// <summary>A ride summary posted by a connected bike in a member's home.</summary>
public sealed record BikeRideSummary(string BikeSerial, Guid MemberId, string ClassId, int AvgWatts, int AvgCadence, double DistanceKm, int? AvgHeartRate, string? HrmDeviceId, string HomeWifiSsid);

public sealed class BikeNotRegisteredException(string bikeSerial) : Exception($"Bike {bikeSerial} is not registered to an account");

public sealed class PersonalBestStore
{
    public Task<double?> BestOutputAsync(Guid memberId, int durationMinutes, CancellationToken cancellationToken) => Task.FromResult<double?>(null);
}

/// <summary>Takes ride summaries from connected bikes, updates personal bests and feeds the recommendations engine.</summary>
public sealed class ConnectedBikeTelemetryIngest(
    IQueueReceiver<BikeRideSummary> queue,
    PersonalBestStore bests,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ConnectedBikeTelemetryIngest> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("RideCast.BikeIngest");
    private static readonly Meter Meter = new("RideCast.BikeIngest");
    private static readonly Counter<long> PersonalBests = Meter.CreateCounter<long>("ridecast.personal_bests");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ride = await queue.ReceiveAsync(stoppingToken);
            if (ride is null)
            {
                continue;
            }

            using var span = Source.StartRidecastSync(ridecastSource: "bike");
            try
            {
                await IngestAsync(span, ride, stoppingToken);
            }
            catch (BikeNotRegisteredException ex)
            {
                span.RecordException(ex, "bike not registered", includeMessage: true); // leak TC1001 exceptions
                logger.LogRidecastSyncFailedEvent(ridecastSource: "bike", ridecastOutcome: "unregistered", ridecastNote: ex.GetType().Name); // clean exceptions
            }
        }
    }

    private async Task IngestAsync(RidecastSyncSpan span, BikeRideSummary ride, CancellationToken cancellationToken)
    {
        if (ride.MemberId == Guid.Empty)
        {
            throw new BikeNotRegisteredException(ride.BikeSerial);
        }

        var member = pseudonymizer.PseudonymizeRidecastMemberId(ride.MemberId.ToString());
        span.SetRidecastMemberId(member).SetRidecastChallenge(ride.ClassId).SetRidecastDistance(ride.DistanceKm * 1000); // clean precision-pseudonym
        span.Activity?.SetTag("bike.serial", ride.BikeSerial); // leak TC1001 cross-member
        span.Activity?.SetTag("bike.model", ride.BikeSerial[..2]); // clean precision-about
        span.Activity?.SetTag("bike.wifi", ride.HomeWifiSsid); // leak TC1001 cross-member
        span.Activity?.SetTag("bike.hrm_paired", ride.HrmDeviceId is not null); // clean precision-about
        span.Activity?.SetTag("ride.avg_watts", ride.AvgWatts); // clean precision-about
        span.Activity?.SetTag("ride.bike_ref", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(ride.BikeSerial)))); // leak TC1002 hashes
        span.Activity?.SetTag("ride.bike_cohort", HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(ride.BikeSerial))[0] % 32); // clean hashes

        var best = await bests.BestOutputAsync(ride.MemberId, 30, cancellationToken);
        var output = ride.AvgWatts * 1.8;
        if (best is null || output > best)
        {
            PersonalBests.Add(1, new KeyValuePair<string, object?>("class", ride.ClassId)); // clean precision-names
            logger.LogInformation("New personal best for member {Member}: {Output} kJ", member, output); // clean precision-pseudonym
            logger.LogInformation("New personal best on bike {Ride}", ride); // leak TC1001 logging-objects
        }

        Meter.CreateRidecastActivitiesCounter().Add(1, ridecastSport: "cycling", ridecastOutcome: ride.ClassId); // clean generated-api
    }
}
