using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout66.Energy;

public sealed record ReadingBatch(string Region, IReadOnlyList<MeterReading> Readings);

public sealed class ReadingOutOfRangeException(string meterSerial, string register, double kwh)
    : Exception($"Reading {kwh} kWh on register {register} of meter {meterSerial} is outside the plausible range.")
{
    public string MeterSerial { get; } = meterSerial;
}

/// <summary>
/// Consumes the readings topic (keyed by meter serial), validates each reading and feeds the KPIs.
/// </summary>
public sealed class ReadingIngestWorker(
    IConsumer<string, ReadingBatch> consumer,
    ReadingMetrics metrics,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ReadingIngestWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Readings");

    private readonly Counter<long> _dropped = metrics.Meter.CreateCounter<long>("readings.dropped", "{reading}");
    private readonly Histogram<double> _batchDuration = metrics.Meter.CreateHistogram<double>("readings.batch.duration", "s");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                await Task.Delay(250, stoppingToken);
                continue;
            }
            Process(result);
            consumer.Commit(result);
        }
    }

    private void Process(ConsumeResult<string, ReadingBatch> result)
    {
        var batch = result.Message.Value;
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartMeteringIngest(batch.Region);
        span.Activity?.SetTag("messaging.kafka.partition", result.Partition).SetTag("messaging.kafka.offset", result.Offset); // clean direct
        span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        if (span.Activity is { } activity)
        {
            activity.DisplayName = $"ingest {batch.Region}/{result.Message.Key}"; // leak TC1001 strings
        }
        span.SetMeteringMeterId(pseudonymizer.PseudonymizeMeteringMeterId(result.Message.Key)); // clean precision-pseudonym

        var rejected = 0;
        foreach (var reading in batch.Readings)
        {
            var readStarted = ValueStopwatch.StartNew();
            try
            {
                Validate(reading);
                metrics.Received(reading, readStarted.GetElapsedTime()); // leak TC1003 cross-member
                metrics.Accepted(batch.Region, reading.ReadType == "smart" ? MeteringReadType.Smart : MeteringReadType.Customer);
                metrics.LastImport(reading.Mpan, reading.Kwh); // leak TC1003 cross-member
            }
            catch (ReadingOutOfRangeException ex)
            {
                rejected++;
                metrics.Rejected(batch.Region, ex.Message); // leak TC1003 exceptions
                logger.LogMeteringRejectedEvent(batch.Region, pseudonymizer.PseudonymizeMeteringMeterId(ex.MeterSerial), meteringOutcome: "rejected:range"); // clean generated-api
                logger.LogMeteringRejectedEvent(batch.Region, meteringOutcome: $"rejected:range:{ex.MeterSerial}"); // leak TC1001 generated-api
                _dropped.Add(1, new KeyValuePair<string, object?>("region", batch.Region), new KeyValuePair<string, object?>("reason", "range"));
                span.RecordException(ex); // clean exceptions
            }
            catch (FormatException ex)
            {
                rejected++;
                metrics.Rejected(batch.Region, "format"); // clean generated-api
                logger.LogWarning(ex, "Unparseable register {Register} in region {Region}", reading.Register, batch.Region); // clean exceptions
            }
        }

        var sampled = BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(result.Message.Key)), 0) % 100 < 5;
        span.Activity?.SetTag("readings.sampled", sampled); // leak TC1002 hashes
        if (sampled)
        {
            logger.LogDebug("Sampled batch for meter {MeterRef}: {Count} readings", pseudonymizer.ComputeMeteringMeterId(result.Message.Key), batch.Readings.Count); // clean precision-pseudonym
        }
        span.Activity?.SetTag("readings.fingerprint", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(result.Message.Key + batch.Region)))); // leak TC1002 hashes
        span.Activity?.SetTag("readings.shard", KeyedShard.Of(secrets.ShardKey, result.Message.Key, 32)); // clean hashes
        span.SetMeteringOutcome(rejected == 0 ? "accepted" : $"partial:{rejected}"); // clean generated-api
        _batchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("region", batch.Region), new KeyValuePair<string, object?>("rejected", rejected > 0)); // clean precision-about
        _batchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("region", batch.Region), new KeyValuePair<string, object?>("meter", pseudonymizer.PseudonymizeMeteringMeterId(result.Message.Key))); // leak TC1003 precision-pseudonym
    }

    private static void Validate(MeterReading reading)
    {
        if (reading.Kwh is < 0 or > 100_000)
        {
            throw new ReadingOutOfRangeException(reading.MeterSerial, reading.Register, reading.Kwh);
        }
    }
}
