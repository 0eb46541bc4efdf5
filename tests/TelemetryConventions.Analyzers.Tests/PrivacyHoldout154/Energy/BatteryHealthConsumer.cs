namespace PrivacyHoldout154.Energy;

/// <summary>Reads battery health reports the cars send after a home charge; the topic is keyed by VIN.</summary>
public sealed class BatteryHealthConsumer(
    IConsumer<string, BatteryHealthReport> consumer,
    ILogger<BatteryHealthConsumer> logger,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("EvHome.Battery");
    private static readonly Meter BatteryMeter = new("EvHome.Battery");
    private static readonly Histogram<int> StateOfHealth = BatteryMeter.CreateHistogram<int>("battery.state_of_health", "%");

    private readonly Dictionary<string, int> _degradedByVin = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && consumer.Consume(stoppingToken) is { } result)
        {
            var report = result.Message.Value;
            using var activity = Source.StartActivity("battery.report", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("battery.model", report.Model); // clean precision-about
            activity?.SetTag("battery.cycles", report.CycleCount); // clean precision-about
            activity?.SetTag("battery.vin_key", new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(report.Vin))[..16]).ToString()); // leak TC1002 hashes
            activity?.SetTag("battery.vin_bucket", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(report.Vin)))[..2]); // clean hashes
            StateOfHealth.Record(report.StateOfHealthPercent, new KeyValuePair<string, object?>("battery.model", report.Model)); // clean precision-about
            StateOfHealth.Record(report.StateOfHealthPercent, new KeyValuePair<string, object?>("vehicle.vin", report.Vin)); // leak TC1003 direct
            if (report.StateOfHealthPercent < 75)
            {
                _degradedByVin[report.Vin] = report.StateOfHealthPercent;
                logger.LogWarning("Degraded battery {Report}", report); // leak TC1001 logging-objects
                logger.LogWarning("Degraded {Model} battery at {Percent}%", report.Model, report.StateOfHealthPercent); // clean precision-about
            }

            consumer.Commit(result);
        }

        logger.LogInformation("Degraded batteries: {Vins}", _degradedByVin.Keys); // leak TC1001 cross-member
        logger.LogInformation("Degraded batteries: {Count}, worst {Worst}%", _degradedByVin.Count, _degradedByVin.Values.DefaultIfEmpty(100).Min()); // clean cross-member
        return Task.CompletedTask;
    }
}
