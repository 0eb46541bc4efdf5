using OpenTelemetry;
using System.Security.Cryptography;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Energy;

/// <summary>A reading as the head-end system publishes it.</summary>
public sealed record ReadingTaken(string MeterSerial, string Mpan, string AccountNumber, DateTimeOffset ReadAt, decimal Kwh, string Register);

public sealed record OutageReported(string FeederId, string Region, int HouseholdsAffected, DateTimeOffset Since);

/// <summary>A handler the routing table points at.</summary>
public interface IEventSink
{
    string Name { get; }

    Task HandleAsync(CloudEvent cloudEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Takes the head-end's CloudEvents off the event bus (structured mode) and routes them by type to the
/// sinks of the routing table. The head-end sets the subject to the MPAN and the <c>partitionkey</c>
/// extension to the meter serial (the readings stream is keyed by meter); outage events carry the
/// feeder id in both.
/// </summary>
public sealed class MeterEventRouter(
    IReadOnlyDictionary<string, IEventSink[]> routingTable,
    IDeadLetterStore deadLetters,
    IntegrationSecrets secrets,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<MeterEventRouter> logger,
    TimeProvider clock)
{
    private static readonly JsonEventFormatter Formatter = new();
    private readonly MetereventDeliveriesCounter _routed = meter.CreateMetereventDeliveriesCounter();
    private readonly Histogram<double> _lag = meter.CreateHistogram<double>("meterevent.routing.lag", "s");

    public async Task RouteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var cloudEvent = Formatter.DecodeStructuredModeMessage(body, "application/cloudevents+json");
        var type = cloudEvent.Type ?? "unknown";
        using var span = source.StartMetereventReceive(type); // clean generated-api
        span.SetMetereventEventId(cloudEvent.Id ?? "");
        var partitionKey = cloudEvent["partitionkey"]?.ToString() ?? "";
        span.Activity?.SetTag("messaging.message.partition_key", partitionKey); // leak TC1001 direct
        span.Activity?.SetTag("meterevent.partition_shard", ShardOf(partitionKey)); // clean hashes
        span.Activity?.SetTag("meterevent.partition_bucket", BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(partitionKey))) % 64); // leak TC1002 hashes
        span.Activity?.SetTag("meterevent.model", partitionKey.Length >= 3 ? partitionKey[..3] : partitionKey); // clean precision-about
        Baggage.SetBaggage("meter.mpan", cloudEvent.Subject); // leak TC1001 direct

        if (cloudEvent.Time is { } time)
        {
            _lag.Record((clock.GetUtcNow() - time).TotalSeconds, new KeyValuePair<string, object?>("type", type)); // clean direct
        }

        if (!routingTable.TryGetValue(type, out var sinks) || sinks.Length == 0)
        {
            logger.LogWarning("No route for {Type} from {Source}", type, cloudEvent.Source); // clean direct
            await deadLetters.PutAsync(new DeadLetter(cloudEvent.Id ?? "", type, "NoRoute", $"meter {partitionKey}", Encoding.UTF8.GetString(body.Span), clock.GetUtcNow()), cancellationToken);
            logger.LogMetereventDeadLetteredEvent(type, "no_route", null, $"no route for {type}"); // clean generated-api
            _routed.Add(1, type, "none", "no_route");
            return;
        }

        var data = JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(cloudEvent.Data));
        if (data.TryGetProperty("accountNumber", out var account))
        {
            span.SetMetereventAccountId(pseudonymizer.PseudonymizeMetereventAccountId(account.GetString()!)); // clean precision-pseudonym
        }

        foreach (var sink in sinks)
        {
            span.SetMetereventRoute(sink.Name); // clean generated-api
            try
            {
                await sink.HandleAsync(cloudEvent, cancellationToken);
                _routed.Add(1, type, sink.Name, "handled");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                span.RecordException(ex); // clean exceptions
                logger.LogError(ex, "Sink {Sink} failed on {EventId}", sink.Name, cloudEvent.Id); // leak TC1001 exceptions
                _routed.Add(1, type, sink.Name, ex.GetType().Name); // clean generated-api
            }
        }

        logger.LogInformation("Routed {Type} for meter {PartitionKey} to {SinkCount} sinks", type, partitionKey, sinks.Length); // leak TC1001 cross-member
        logger.LogDebug("Routed event extensions: {Extensions}", cloudEvent.GetPopulatedAttributes().ToDictionary(a => a.Key.Name, a => a.Value)); // leak TC1001 logging-objects
        logger.LogDebug("Routed event {Event}", cloudEvent); // clean logging-objects
    }

    private string ShardOf(string key)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return (hmac.ComputeHash(Encoding.UTF8.GetBytes(key))[0] % 16).ToString();
    }
}

/// <summary>The billing sink: posts readings to the billing engine; rejects readings for closed accounts.</summary>
public sealed class BillingSink(ILogger<BillingSink> logger) : IEventSink
{
    public string Name => "billing";

    public Task HandleAsync(CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        var reading = JsonSerializer.Deserialize<ReadingTaken>(JsonSerializer.Serialize(cloudEvent.Data))!;
        logger.LogDebug("Billing reading of {Kwh} kWh on register {Register}", reading.Kwh, reading.Register); // clean precision-about
        if (reading.Kwh < 0)
        {
            throw new InvalidOperationException($"Negative reading on account {reading.AccountNumber}");
        }
        return Task.CompletedTask;
    }
}
