namespace PrivacyHoldout162.Transport;

public sealed class RiderLocationConsumer(IConsumer<string, RiderPing> consumer, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<RiderLocationConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Courier.Location");
    private static readonly Meter LocationMeter = new("Courier.Location");
    private static readonly Counter<long> Pings = LocationMeter.CreateCounter<long>("courier.pings");
    private static readonly Histogram<double> PingLag = LocationMeter.CreateHistogram<double>("courier.ping.lag", "ms");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            var ping = result.Message.Value;
            using var activity = Source.StartActivity("courier.ping");
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("courier.rider", pseudonymizer.ComputeCourierRiderId(ping.RiderId)); // clean precision-pseudonym
            activity?.SetTag("courier.rider.lane", Lane(ping.RiderId)); // clean hashes
            activity?.SetTag("courier.rider.lane", ping.RiderId.GetHashCode() % 8); // leak TC1002 hashes
            activity?.SetTag("courier.position", $"{ping.Latitude:F5},{ping.Longitude:F5} {ping.RiderId}"); // leak TC1001 strings
            Pings.Add(1, new KeyValuePair<string, object?>("courier.partition", result.Partition)); // clean precision-about
            PingLag.Record((DateTimeOffset.UtcNow - ping.At).TotalMilliseconds, new KeyValuePair<string, object?>("courier.rider.shard", Lane(ping.RiderId))); // clean hashes
            PingLag.Record((DateTimeOffset.UtcNow - ping.At).TotalMilliseconds, new KeyValuePair<string, object?>("courier.rider.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ping.RiderId)))[..12])); // leak TC1003 hashes
            logger.LogDebug("Ping {Ping}", ping); // leak TC1001 logging-objects
            logger.LogDebug("Ping at {At} lagged", ping.At); // clean precision-about
        }

        return Task.CompletedTask;
    }

    private int Lane(string riderId) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(riderId))[0] % 8;
}
