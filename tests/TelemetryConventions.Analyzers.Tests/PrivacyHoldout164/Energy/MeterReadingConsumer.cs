namespace PrivacyHoldout164.Energy;

public sealed record MeterReading(string MeterSerial, string SiteKind, string Site, double KilowattHours, DateTimeOffset ReadAt);

/// <summary>
/// Consumes smart meter readings. The supplier serves the university's halls (its own meters, topic
/// <c>halls.readings</c>, keyed by hall) and the private student houses of its student tariff
/// (topic <c>homes.readings</c>, keyed by the household's meter serial).
/// </summary>
public sealed class MeterReadingConsumer(
    IConsumer<string, MeterReading> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MeterReadingConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.StudentTariff.Readings");
    private static readonly Meter Meter = new("Energy.StudentTariff.Readings");
    private static readonly Histogram<double> Consumption = Meter.CreateHistogram<double>("readings.kwh", "kWh");
    private readonly HallpowerRequestsCounter _requests = Meter.CreateHallpowerRequestsCounter();
    private string? _lastGapSerial;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            if (result.Topic == "halls.readings")
            {
                OnHallReading(result);
            }
            else
            {
                OnHomeReading(result);
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void OnHallReading(ConsumeResult<string, MeterReading> result)
    {
        using var activity = Source.StartActivity("halls.reading", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        activity?.SetTag("halls.meter", result.Message.Value.MeterSerial); // clean precision-names
        Consumption.Record(result.Message.Value.KilowattHours, new KeyValuePair<string, object?>("hall", result.Message.Value.Site)); // clean direct
        _requests.Add(1, result.Message.Value.Site, "hall-reading"); // clean generated-api
    }

    private void OnHomeReading(ConsumeResult<string, MeterReading> result)
    {
        using var activity = Source.StartActivity("homes.reading", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
        activity?.SetTag("homes.meter_model", result.Message.Value.MeterSerial[..3]); // clean precision-about
        var reading = result.Message.Value;
        if (reading.KilowattHours <= 0)
        {
            _lastGapSerial = reading.MeterSerial;
            logger.LogWarning("Gap in readings for meter {Serial} at {ReadAt}", reading.MeterSerial, reading.ReadAt); // leak TC1001 direct
        }

        logger.LogDebug("Home reading {@Reading}", reading); // leak TC1001 logging-objects
        logger.LogDebug("Home reading of {Kwh} kWh, {Kind}", reading.KilowattHours, reading.SiteKind); // clean logging-objects
        Consumption.Record(reading.KilowattHours, new KeyValuePair<string, object?>("meter", pseudonymizer.Compute("household.meter", reading.MeterSerial))); // leak TC1003 precision-pseudonym
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(reading.MeterSerial))[0] % 8;
        Consumption.Record(reading.KilowattHours, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        activity?.SetTag("homes.meter_ref", reading.MeterSerial.GetHashCode()); // leak TC1002 hashes
    }

    public void ReportGaps()
    {
        Activity.Current?.SetTag("homes.last_gap", _lastGapSerial); // leak TC1001 cross-member
        Activity.Current?.SetTag("homes.has_gap", _lastGapSerial is not null); // clean cross-member
    }
}
