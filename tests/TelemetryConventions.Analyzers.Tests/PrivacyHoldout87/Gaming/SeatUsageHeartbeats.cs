namespace PrivacyHoldout87.Gaming;

/// <summary>
/// Per-seat usage metering: the editor and build tools send a heartbeat every five minutes, on
/// the <c>seat-heartbeats</c> topic keyed by the seat holder's studio email, with a JSON value
/// <c>{"team":"…","seat":"…","holder":"…","minutes":5}</c>. Minutes are summed per team for billing.
/// </summary>
public sealed class SeatUsageHeartbeats(IConsumer<string, string> consumer, TelemetrySecrets secrets, ILogger<SeatUsageHeartbeats> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Tenancy.Usage");
    private static readonly Meter Meter = new("Studio.Tenancy.Usage");
    private static readonly Counter<long> Minutes = Meter.CreateCounter<long>("studio.seat.minutes", "min");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("heartbeat", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            logger.LogTrace("Heartbeat {Value}", result.Message.Value); // leak TC1001 direct
            var parts = result.Message.Value.Trim('{', '}').Split(',').Select(p => p.Split(':')).ToDictionary(p => p[0].Trim('"'), p => p[1].Trim('"'));
            try
            {
                var minutes = int.Parse(parts["minutes"], CultureInfo.InvariantCulture);
                Minutes.Add(minutes, new KeyValuePair<string, object?>("team", parts["team"])); // clean precision-about
                Minutes.Add(minutes, new KeyValuePair<string, object?>("team", parts["team"]), new KeyValuePair<string, object?>("holder", parts["holder"])); // leak TC1003 direct
                Minutes.Add(minutes, new KeyValuePair<string, object?>("shard", KeyedShards.Of(secrets.ShardKey, result.Message.Key, 32))); // clean hashes
                activity?.AddEvent(new ActivityEvent("minutes", tags: new ActivityTagsCollection { ["usage"] = $"{result.Message.Key}:{minutes}" })); // leak TC1001 strings
                logger.LogDebug("Seat {Seat} fingerprint {Fingerprint}", parts["seat"], Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(result.Message.Key)))[..12]); // leak TC1002 hashes
            }
            catch (FormatException ex)
            {
                logger.LogWarning(ex, "Heartbeat at offset {Offset} has bad minutes", result.Offset); // clean exceptions
            }
            catch (KeyNotFoundException)
            {
                logger.LogWarning("Heartbeat fields present: {Fields}", string.Join(",", parts.Keys)); // clean precision-names
                logger.LogWarning("Heartbeat fields: {Fields}", parts); // leak TC1001 logging-objects
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
