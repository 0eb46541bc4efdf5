namespace PrivacyHoldout190.Energy;

public sealed record DemandResponseEnrolment(string AccountNumber, string ThermostatSerial, string HolderName, string HolderEmail, double MaxOffsetC, string TariffCode);

public sealed record DemandResponseEvent(string EventId, string Feeder, int EnrolledHomes, double TargetKw);

/// <summary>Consumes thermostat readings from the topic keyed by thermostat serial and steers demand-response events.</summary>
public sealed partial class ThermostatReadingsConsumer(
    IConsumer<string, ThermostatReading> consumer,
    ILogger<ThermostatReadingsConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.Thermostats");
    private readonly Counter<long> _readings = meter.CreateCounter<long>("heat.readings");
    private string _currentSerial = string.Empty;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            _currentSerial = result.Message.Key;
            var reading = result.Message.Value;
            using var activity = Source.StartActivity("heat.reading");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("heat.temperature_c", reading.TemperatureC); // clean precision-about
            activity?.SetTag("heat.setpoint_c", reading.SetpointC); // clean precision-about
            activity?.SetTag("heat.home.occupied", reading.Occupied); // clean precision-about
            logger.LogDebug("Reading {Reading}", reading); // leak TC1001 logging-objects
            logger.LogDebug("Reading {Reading}", new { reading.TemperatureC, reading.SetpointC, reading.Occupied }); // clean logging-objects
            _readings.Add(1, new KeyValuePair<string, object?>("heat.occupied", reading.Occupied)); // clean precision-about
            _readings.Add(1, new KeyValuePair<string, object?>("heat.thermostat", pseudonymizer.ComputeHeatshiftClientId(reading.ThermostatSerial))); // leak TC1003 precision-pseudonym
            Annotate();
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Annotate()
    {
        Activity.Current?.SetTag("heat.thermostat.serial", _currentSerial); // leak TC1001 cross-member
        Activity.Current?.SetTag("heat.thermostat.model", _currentSerial.Length >= 3 ? _currentSerial[..3] : "unknown"); // clean precision-about
        Activity.Current?.SetTag("heat.thermostat.cohort", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_currentSerial))[0] % 8); // clean hashes
        Activity.Current?.SetTag("heat.thermostat.sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(_currentSerial)))[..12]); // leak TC1002 hashes
    }

    public void Enrol(DemandResponseEnrolment enrolment, Meter programmeMeter)
    {
        using var span = Source.StartHeatshiftOperation("demand-response")
            .SetHeatshiftClientId(pseudonymizer.PseudonymizeHeatshiftClientId(enrolment.AccountNumber)) // clean generated-api
            .SetHeatshiftDeviceKind("thermostat"); // clean generated-api
        span.SetHeatshiftNote(enrolment.TariffCode); // clean generated-api
        span.SetHeatshiftNote(enrolment.HolderEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag(HeatshiftAttributes.ClientId, enrolment.AccountNumber); // leak TC1001 generated-api
        Activity.Current?.SetTag(HeatshiftAttributes.Contact, pseudonymizer.ComputeHeatshiftClientId(enrolment.AccountNumber)); // leak TC1001 precision-pseudonym
        programmeMeter.CreateHeatshiftOperationDurationHistogram().Record(0.05, "demand-response"); // clean generated-api
        programmeMeter.CreateHeatshiftOperationsCounter().Add(1, "demand-response", enrolment.TariffCode); // clean generated-api
        logger.LogInformation("Enrolled {@Enrolment}", enrolment); // leak TC1001 logging-objects
        logger.LogInformation("Enrolled with max offset {MaxOffset} on tariff {TariffCode}", enrolment.MaxOffsetC, enrolment.TariffCode); // clean precision-names
        LogEnrolled(logger, enrolment.AccountNumber, enrolment.HolderName); // clean logging-objects
        LogEnrolledPlain(logger, enrolment.ThermostatSerial); // leak TC1001 logging-objects
    }

    public void Dispatch(DemandResponseEvent drEvent, IReadOnlyList<DemandResponseEnrolment> homes)
    {
        using var activity = Source.StartActivity("heat.dispatch");
        activity?.SetTag("heat.dr.event_id", drEvent.EventId); // clean precision-names
        activity?.SetTag("heat.dr.feeder", drEvent.Feeder); // clean precision-names
        activity?.SetTag("heat.dr.homes", homes.Count); // clean precision-about
        activity?.AddEvent(new ActivityEvent("heat.dr.dispatched", tags: new ActivityTagsCollection { ["accounts"] = string.Join(",", homes.Select(h => h.AccountNumber)) })); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("heat.dr.dispatched", tags: new ActivityTagsCollection { ["target_kw"] = drEvent.TargetKw })); // clean precision-about
        logger.LogInformation("Dispatched {Event}", drEvent); // clean logging-objects
        logger.LogInformation($"Dispatch to first home {homes.FirstOrDefault()?.HolderName}"); // leak TC1001 strings
        logger.LogInformation($"Dispatch to {homes.Count} homes on feeder {drEvent.Feeder}"); // clean strings
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Enrolled account {AccountNumber} for {HolderName}")]
    private static partial void LogEnrolled(ILogger logger, [PrivateData] string accountNumber, [PrivateData] string holderName);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Enrolled thermostat {ThermostatSerial}")]
    private static partial void LogEnrolledPlain(ILogger logger, string thermostatSerial);
}
