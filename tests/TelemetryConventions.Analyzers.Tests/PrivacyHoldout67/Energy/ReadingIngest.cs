using System.Security.Cryptography;
using System.Text.Json;

namespace PrivacyHoldout67.Energy;

/// <summary>A half-hourly reading as the head-end publishes it; the topic is keyed by meter serial.</summary>
public sealed record MeterReading(string MeterSerial, string Mpan, string Register, decimal Kwh, DateTimeOffset ReadAt, bool Late);

/// <summary>A reading the validator refused; its message quotes the meter serial.</summary>
public sealed class ImplausibleReadingException(string meterSerial, decimal delta)
    : Exception($"Meter {meterSerial} jumped {delta} kWh in one period");

internal static class MeteringTracing
{
    public static readonly ActivitySource Ingest = new("Supplier.Metering.Ingest");
    public static readonly ActivitySource Validation = new("Supplier.Metering.Validation");
    public static readonly Meter Meter = new("Supplier.Metering");
}

/// <summary>
/// Consumes the readings topic in batches of up to two hundred: one ingest span per batch, linked to
/// the producer span of each reading, and the readings validated one by one inside it.
/// </summary>
public sealed class ReadingIngestWorker(IConsumer<string, string> consumer, ReadingValidator validator, TelemetrySecrets secrets, ILogger<ReadingIngestWorker> logger) : BackgroundService
{
    private readonly MeteringReadingsIngestedCounter _ingested = MeteringTracing.Meter.CreateMeteringReadingsIngestedCounter();
    private readonly Histogram<double> _kwh = MeteringTracing.Meter.CreateHistogram<double>("metering.reading.kwh", "kWh");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = Drain(200, stoppingToken);
            if (batch.Count == 0)
            {
                await Task.Delay(250, stoppingToken);
                continue;
            }

            var links = batch.Select(r => r.Reading.Late ? LateLink(r.Result, r.Parent) : Link(r.Result, r.Parent)).ToList(); // leak TC1001 cross-member
            var batchId = $"HE-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{batch[0].Result.Partition}";
            using var span = MeteringTracing.Ingest.StartMeteringBatchIngest(batchId, links: links) // clean generated-api
                .SetMeteringBatchSize(batch.Count);
            span.Activity?.SetTag("metering.lag.ms", (DateTimeOffset.UtcNow - batch.Min(r => r.Reading.ReadAt)).TotalMilliseconds); // clean precision-about

            foreach (var (result, reading, _) in batch)
            {
                Activity.Current?.SetCustomProperty("meter.serial", reading.MeterSerial); // clean direct
                var accepted = validator.Validate(batchId, reading);
                _ingested.Add(1, "validated", accepted ? "accepted" : "rejected"); // clean generated-api
                _kwh.Record((double)reading.Kwh, new KeyValuePair<string, object?>("register", reading.Register), new("distributor", reading.Mpan[..2])); // clean precision-about
                if (reading.Late)
                {
                    _kwh.Record((double)reading.Kwh, new KeyValuePair<string, object?>("late.mpan", reading.Mpan)); // leak TC1003 direct
                }
                span.Activity?.SetTag("metering.partition.shard", Shard(reading.MeterSerial)); // clean hashes
                consumer.Commit(result);
            }
            logger.LogInformation("Ingested batch {BatchId} of {Count} readings", batchId, batch.Count);
        }
    }

    private List<(ConsumeResult<string, string> Result, MeterReading Reading, PropagationContext Parent)> Drain(int max, CancellationToken ct)
    {
        var drained = new List<(ConsumeResult<string, string>, MeterReading, PropagationContext)>();
        while (drained.Count < max && consumer.Consume(ct) is { } result)
        {
            var parent = Propagators.DefaultTextMapPropagator.Extract(default, result.Message.Headers, static (h, k) => h.TryGetValue(k, out var v) ? new[] { v } : Array.Empty<string>());
            drained.Add((result, JsonSerializer.Deserialize<MeterReading>(result.Message.Value)!, parent));
        }
        return drained;
    }

    private static ActivityLink Link(ConsumeResult<string, string> result, PropagationContext parent) =>
        new(parent.ActivityContext, new ActivityTagsCollection { ["messaging.kafka.partition"] = result.Partition, ["messaging.kafka.offset"] = result.Offset }); // clean direct

    // Late readings are linked with their key so that the settlement team can find a meter's late data.
    private static ActivityLink LateLink(ConsumeResult<string, string> result, PropagationContext parent) =>
        new(parent.ActivityContext, new ActivityTagsCollection { ["messaging.kafka.message.key"] = result.Message.Key, ["metering.late"] = true }); // leak TC1001 direct

    private string Shard(string meterSerial) => (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(meterSerial))[0] % 32).ToString();
}

/// <summary>Checks a reading against the last accepted one. Called inside the batch span.</summary>
public sealed class ReadingValidator(IReadingHistory history, Pseudonymizer pseudonymizer, ILogger<ReadingValidator> logger)
{
    public bool Validate(string batchId, MeterReading reading)
    {
        using var activity = MeteringTracing.Validation.StartActivity("metering.validate");
        activity?.SetTag("metering.register", reading.Register);
        activity?.SetTag("metering.sample", HashCode.Combine(reading.MeterSerial) & 15); // leak TC1002 hashes
        try
        {
            var previous = history.LastAccepted(reading.MeterSerial, reading.Register);
            var delta = reading.Kwh - previous;
            if (delta is < 0 or > 50)
            {
                throw new ImplausibleReadingException(reading.MeterSerial, delta);
            }
            if (reading.ReadAt > DateTimeOffset.UtcNow.AddMinutes(5))
            {
                Activity.Current?.AddMeteringReadingRejectedEvent(batchId, "clock-drift", meteringNote: $"meter {reading.MeterSerial} reports a future read time"); // leak TC1001 generated-api
                return false;
            }
            return true;
        }
        catch (ImplausibleReadingException ex)
        {
            var ingest = new MeteringBatchIngestSpan(Activity.Current?.Parent);
            ingest.RecordException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddMeteringReadingRejectedEvent(batchId, "implausible", pseudonymizer.PseudonymizeMeteringMeterId(reading.MeterSerial), $"register {reading.Register} out of range"); // clean generated-api
            logger.LogMeteringReadingRejectedEvent(batchId, "implausible", pseudonymizer.PseudonymizeMeteringMeterId(reading.MeterSerial)); // clean precision-pseudonym
            logger.LogWarning("Reading rejected: {@Reading}", reading); // leak TC1001 logging-objects
            return false;
        }
    }
}

public interface IReadingHistory
{
    decimal LastAccepted(string meterSerial, string register);
}
