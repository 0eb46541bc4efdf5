namespace PrivacyHoldout159.Energy;

// Reads the council's own half-hourly meters at community halls used as polling stations, so the count venue's heating is on for the night.
public sealed class PollingStationPowerWorker(
    IConsumer<string, string> readings,
    ILogger<PollingStationPowerWorker> logger,
    Meter meter) : BackgroundService
{
    // The "council.premises.readings" topic is keyed by the council's own premises meter serial.
    private readonly Counter<long> readingsRead = meter.CreateCounter<long>("premises.readings");
    private string? lastPremisesMeter;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = readings.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            lastPremisesMeter = result.Message.Key;
            using var activity = new ActivitySource("Council.Premises").StartActivity("premises.reading");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            activity?.SetTag("premises.meter.serial", result.Message.Key); // clean precision-about
            readingsRead.Add(1, new KeyValuePair<string, object?>("premises_meter", result.Message.Key)); // clean precision-about
            logger.LogDebug("Reading {Reading} from premises meter {Meter}", result.Message.Value, result.Message.Key); // clean precision-about
            readings.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void Report() => logger.LogInformation("Last premises meter {Meter}", lastPremisesMeter); // clean cross-member
}
