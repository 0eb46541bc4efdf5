namespace PrivacyHoldout214.Healthcare;

/// <summary>Reads drivers' position pings (the topic is keyed by journey id) and tracks each journey.</summary>
public sealed class JourneyTrackingConsumer(
    IConsumer<string, JourneyPing> consumer,
    IDriverRegistry drivers,
    Pseudonymizer pseudonymizer,
    TransportOptions options,
    ILogger<JourneyTrackingConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Healthcare.Tracking");
    private readonly Histogram<double> _speed = meter.CreateHistogram<double>("pts.journey.speed", "km/h");
    private readonly Dictionary<Guid, string> _driverByJourney = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var ping = result.Message.Value;
            using var activity = Source.StartActivity("pts.journey.ping");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("pts.journey.id", ping.JourneyId); // clean precision-names
            activity?.SetTag("pts.driver.id", ping.DriverId); // leak TC1001 direct
            activity?.SetTag("pts.position.lat", ping.Latitude); // leak TC1001 direct
            activity?.SetTag("pts.position.lat_rounded", Math.Round(ping.Latitude, 1)); // clean precision-about
            activity?.SetTag("pts.speed_kph", ping.SpeedKph); // clean precision-about
            _speed.Record(ping.SpeedKph, new KeyValuePair<string, object?>("depot", options.DepotCode)); // clean precision-about
            _speed.Record(ping.SpeedKph, new KeyValuePair<string, object?>("driver", ping.DriverId)); // leak TC1003 direct

            _driverByJourney[ping.JourneyId] = ping.DriverId;
            var driver = await drivers.FindAsync(ping.DriverId, stoppingToken);
            if (driver is null)
            {
                logger.LogWarning("Ping from unknown driver on journey {JourneyId}", ping.JourneyId); // clean precision-names
                continue;
            }

            activity?.SetTag("pts.driver.depot", driver.DepotCode); // clean precision-about
            activity?.SetTag("pts.vehicle.registration", driver.VehicleRegistration); // leak TC1001 direct
            activity?.SetTag("pts.vehicle.registration_prefix", driver.VehicleRegistration[..2]); // clean precision-about
            activity?.SetTag("pts.driver.pseudonym", pseudonymizer.Pseudonymize("driver", driver.DriverId)); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("pts.driver.located", tags: new ActivityTagsCollection { ["driver.name"] = driver.FullName })); // leak TC1001 direct
            logger.LogInformation("Journey {JourneyId} at {Lat},{Lon}", ping.JourneyId, ping.Latitude, ping.Longitude); // leak TC1001 direct
            logger.LogDebug("Ping received {Ping}", ping); // leak TC1001 logging-objects
            consumer.Commit(result);
        }
    }

    public void ReportStalled(Guid journeyId)
    {
        if (_driverByJourney.TryGetValue(journeyId, out var driverId))
        {
            logger.LogWarning("Journey {JourneyId} stalled, driver {DriverId}", journeyId, driverId); // leak TC1001 cross-member
        }

        logger.LogWarning("Journeys tracked {Count}", _driverByJourney.Count); // clean cross-member
        Activity.Current?.SetTag("pts.journeys.tracked", _driverByJourney.Keys.Count); // clean cross-member
    }

    public string DriverShard(string driverId)
    {
        using var hmac = new HMACSHA256(options.ShardKey);
        var shard = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(driverId)))[..4];
        Activity.Current?.SetTag("pts.driver.shard", shard); // clean hashes
        var unkeyed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(driverId)));
        Activity.Current?.SetTag("pts.driver.hash", unkeyed); // leak TC1002 hashes
        return shard;
    }
}
