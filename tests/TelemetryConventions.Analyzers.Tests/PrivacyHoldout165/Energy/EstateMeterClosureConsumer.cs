namespace PrivacyHoldout165.Energy;

/// <summary>Takes final readings of a deceased customer's meters from the closures topic (keyed by meter serial).</summary>
public sealed partial class EstateMeterClosureConsumer(
    IQueueReceiver<FinalReading> receiver,
    IConsumer<string, FinalReading> closures,
    Pseudonymizer pseudonymizer,
    ILogger<EstateMeterClosureConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.Closures");
    private static readonly Meter Meter = new("Energy.Closures");
    private static readonly Histogram<double> FinalKwh = Meter.CreateHistogram<double>("closures.final_reading", "kWh");
    private readonly HashSet<string> _unmatchedMeters = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Final reading {Value} on register {Register} of meter {MeterSerial}")]
    private static partial void LogFinal(ILogger logger, double value, string register, string meterSerial);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = closures.Consume(stoppingToken);
            if (record is null)
            {
                await receiver.ReceiveAsync(stoppingToken);
                continue;
            }

            using var activity = Source.StartActivity("closure.final_reading", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", record.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", record.Message.Key); // leak TC1001 direct
            var reading = record.Message.Value;
            LogFinal(logger, reading.Value, reading.Register, reading.MeterSerial); // leak TC1001 logging-objects
            FinalKwh.Record(reading.Value, new KeyValuePair<string, object?>("register", reading.Register)); // clean precision-about
            FinalKwh.Record(reading.Value, new KeyValuePair<string, object?>("meter", reading.MeterSerial)); // leak TC1003 direct
            activity?.SetTag("meter.pseudonym", pseudonymizer.Compute("meter", reading.MeterSerial)); // clean precision-pseudonym
            var legacyKey = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(reading.MeterSerial)));
            activity?.SetTag("meter.legacy_key", legacyKey); // leak TC1002 hashes
            try
            {
                if (reading.Value < 0)
                {
                    throw new MeterNotOnAccountException(reading.MeterSerial);
                }
            }
            catch (MeterNotOnAccountException ex)
            {
                _unmatchedMeters.Add(reading.MeterSerial);
                activity?.AddEvent(new ActivityEvent("closure.failed", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("closure.failed", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
            }

            closures.Commit(record);
        }
    }

    public void Summarise()
    {
        logger.LogInformation("Unmatched meters: {Meters}", _unmatchedMeters); // leak TC1001 cross-member
        logger.LogInformation("Unmatched meters: {Count}", _unmatchedMeters.Count); // clean cross-member
    }
}
