namespace PrivacyHoldout154.Education;

/// <summary>Each morning: checks the college's minibuses have a valid MOT before trips, and books the test at the partner dealer.</summary>
public sealed class MinibusCheckWorker(
    IReadOnlyList<Minibus> minibuses,
    IReadOnlyList<MinibusTrip> tripsToday,
    ILogger<MinibusCheckWorker> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter) : BackgroundService
{
    private readonly List<MinibusTrip> _cancelledTrips = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        meter.CreateObservableGauge("minibus.mot.days_left", () => minibuses.Select(m => new Measurement<int>(m.MotDue.DayNumber - today.DayNumber, new KeyValuePair<string, object?>("minibus.registration", m.Registration)))); // clean precision-names
        foreach (var bus in minibuses)
        {
            using var span = source.StartAutocollegeOperation("minibus");
            Activity.Current?.SetTag("minibus.fleet_number", bus.FleetNumber); // clean precision-names
            Activity.Current?.SetTag("minibus.seats", bus.Seats); // clean precision-about
            logger.LogInformation("Checking {Minibus}", bus); // clean logging-objects
            if (bus.MotDue >= today)
            {
                continue;
            }

            var expired = new MinibusMotExpiredException(bus.FleetNumber, bus.MotDue);
            foreach (var trip in tripsToday.Where(t => t.FleetNumber == bus.FleetNumber))
            {
                _cancelledTrips.Add(trip);
                logger.LogWarning(expired, "Trip {TripId} cancelled", trip.TripId); // clean exceptions
                logger.LogWarning("Trip {Trip} cancelled", trip); // leak TC1001 logging-objects
                logger.LogWarning("Trip {TripId} cancelled; driver {Driver} told", trip.TripId, pseudonymizer.Compute("college_staff", trip.DriverStaffNumber)); // clean precision-pseudonym
                Activity.Current?.AddEvent(new ActivityEvent("trip.cancelled", tags: new ActivityTagsCollection { ["trip.id"] = trip.TripId, ["trip.pupils"] = trip.Pupils })); // clean precision-names
                Activity.Current?.AddEvent(new ActivityEvent("trip.cancelled", tags: new ActivityTagsCollection { ["trip.driver"] = trip.DriverStaffNumber })); // leak TC1001 direct
            }

            span.SetAutocollegeOutcome("mot-expired").SetAutocollegeNote(expired.Message); // clean generated-api
        }

        logger.LogInformation("Cancelled trips: {Trips}", _cancelledTrips.Select(t => t.TripId)); // clean cross-member
        logger.LogInformation("Drivers to tell: {Drivers}", string.Join(",", _cancelledTrips.Select(t => t.DriverStaffNumber))); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}
