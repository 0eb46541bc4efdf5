namespace PrivacyHoldout129.Energy;

/// <summary>A reading from a company-issued wearable, pushed by the gateway in the van.</summary>
public sealed record WearableReading(string DeviceId, string EmployeeNumber, int HeartRate, double SkinTemperature, DateTimeOffset At, string JobNumber);

public sealed record HeatStressAlert(string EmployeeNumber, string EngineerName, string SupervisorMobile, string JobNumber, int HeartRate, double SkinTemperature);

public interface ILoneWorkerDesk
{
    Task<HeatStressAlert> RaiseAsync(WearableReading reading, CancellationToken cancellationToken);
}

/// <summary>Watches field engineers' wearables on hot days and raises a lone-worker call when heart rate and skin temperature both climb.</summary>
public sealed class FieldEngineerHeatStressMonitor(
    IConsumer<string, WearableReading> consumer,
    ILoneWorkerDesk desk,
    Pseudonymizer pseudonymizer,
    ILogger<FieldEngineerHeatStressMonitor> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Field.HeatStress");
    private static readonly Meter Meter = new("Field.HeatStress");
    private static readonly Counter<long> Alerts = Meter.CreateCounter<long>("field.heat_stress.alerts");
    private static readonly Histogram<int> HeartRates = Meter.CreateHistogram<int>("field.heart_rate", "{beat}/min");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            // The wearables topic is keyed by the wearable's device id; each wearable is issued to one engineer.
            using var span = Source.StartFieldwellSync(fieldwellSource: "van-gateway");
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            Handle(span, result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Handle(FieldwellSyncSpan span, WearableReading reading, CancellationToken cancellationToken)
    {
        span.SetFieldwellEmployeeId(pseudonymizer.PseudonymizeFieldwellEmployeeId(reading.EmployeeNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("job.number", reading.JobNumber); // clean precision-names
        span.Activity?.SetTag("wearable.model_prefix", reading.DeviceId[..3]); // clean precision-about
        HeartRates.Record(reading.HeartRate, new KeyValuePair<string, object?>("band", reading.SkinTemperature >= 37.5 ? "hot" : "normal")); // clean precision-about
        HeartRates.Record(reading.HeartRate, new KeyValuePair<string, object?>("device", reading.DeviceId)); // leak TC1003 direct

        if (reading.HeartRate < 150 || reading.SkinTemperature < 37.5)
        {
            return;
        }

        logger.LogWarning("Heat stress reading {Reading}", reading); // leak TC1001 logging-objects
        try
        {
            var alert = desk.RaiseAsync(reading, cancellationToken).GetAwaiter().GetResult();
            logger.LogWarning("Lone worker call raised for {Engineer} on job {Job}", alert.EngineerName, alert.JobNumber); // leak TC1001 cross-member
            span.Activity?.SetTag("alert.supervisor", alert.SupervisorMobile); // leak TC1001 cross-member
            Alerts.Add(1, new KeyValuePair<string, object?>("job.type", reading.JobNumber.Split('-')[0])); // clean precision-names
            Meter.CreateFieldwellActivitiesCounter().Add(1, fieldwellSport: "field-work", fieldwellOutcome: "heat-alert"); // clean generated-api
        }
        catch (TimeoutException ex)
        {
            span.RecordException(ex, "lone worker desk timed out"); // clean exceptions
            logger.LogFieldwellSyncFailedEvent(fieldwellSource: "van-gateway", fieldwellOutcome: "desk-timeout", fieldwellEmployeeId: pseudonymizer.PseudonymizeFieldwellEmployeeId(reading.EmployeeNumber), fieldwellNote: $"engineer {reading.EmployeeNumber} not escalated"); // leak TC1001 generated-api
        }
    }
}
