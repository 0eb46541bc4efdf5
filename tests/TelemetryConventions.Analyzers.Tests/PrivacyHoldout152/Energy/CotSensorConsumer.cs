namespace PrivacyHoldout152.Energy;

/// <summary>Reads the sleep rooms' cot sensors (temperature, breathing, movement) and raises an alarm in the room.</summary>
public sealed class CotSensorConsumer(
    IConsumer<string, CotSensorReading> consumer,
    ICotRegistry cots,
    Pseudonymizer pseudonymizer,
    NurseryOptions options,
    Meter meter,
    ILogger<CotSensorConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Nursery.SleepRoom");

    private readonly Gauge<double> roomTemperature = meter.CreateGauge<double>("nursery.sleep_room.temperature", "Cel");
    private readonly Counter<long> alarms = meter.CreateCounter<long>("nursery.cot.alarms");
    private CotAssignment? lastAlarm;
    private readonly HashSet<string> offlineCots = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var reading = result.Message.Value;
            using var span = Source.StartCotsenseOperation("EY501234").SetCotsenseRoom(reading.Room); // clean precision-about
            Activity.Current?.SetTag("cot.id", reading.CotId); // clean precision-names
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            roomTemperature.Record(reading.TemperatureC, new KeyValuePair<string, object?>("room", reading.Room));
            logger.LogDebug("Cot reading {Reading}", reading); // clean logging-objects

            if (reading.BreathsPerMinute == 0 && !reading.Movement)
            {
                offlineCots.Add(reading.CotId);
                logger.LogWarning(new CotSensorOfflineException(reading.CotId), "No signal from cot"); // clean exceptions
                continue;
            }

            if (reading.BreathsPerMinute < 20 || reading.TemperatureC > options.SleepRoomMaxTemperatureC)
            {
                var assigned = await cots.AssignedAsync(reading.CotId, stoppingToken);
                await cots.RaiseAlarmAsync(reading.Room, reading.CotId, stoppingToken);
                lastAlarm = assigned;
                alarms.Add(1, new KeyValuePair<string, object?>("room", reading.Room), new KeyValuePair<string, object?>("cot", reading.CotId)); // clean precision-about
                if (assigned is not null)
                {
                    span.SetCotsenseChildId(pseudonymizer.PseudonymizeCotsenseChildId(assigned.ChildId)); // clean precision-pseudonym
                    logger.LogWarning("Cot alarm for {Assignment}", assigned); // leak TC1001 logging-objects
                    alarms.Add(1, new KeyValuePair<string, object?>("child", pseudonymizer.PseudonymizeCotsenseChildId(assigned.ChildId))); // leak TC1003 precision-pseudonym
                    span.SetCotsenseNote($"Cot {reading.CotId}: {reading.BreathsPerMinute} bpm, {reading.TemperatureC:0.0} C"); // clean generated-api
                    span.SetCotsenseNote($"Cot {reading.CotId}: {assigned.ChildFirstName} at {reading.BreathsPerMinute} bpm"); // leak TC1001 generated-api
                    meter.CreateCotsenseAlertsCounter().Add(1, "EY501234", assigned.ChildId); // leak TC1003 generated-api
                }
            }

            consumer.Commit(result);
        }
    }

    public void LogShiftHandover()
    {
        logger.LogInformation("{Offline} cots offline this shift: {Cots}", offlineCots.Count, offlineCots); // clean cross-member
        logger.LogInformation("Last cot alarm: cot {CotId}", lastAlarm?.CotId); // clean cross-member
        logger.LogInformation("Last cot alarm was for {ChildId}", lastAlarm?.ChildId); // leak TC1001 cross-member
    }
}
