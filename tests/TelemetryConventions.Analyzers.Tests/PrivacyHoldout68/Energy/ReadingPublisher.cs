using System.Security.Cryptography;
using System.Text.Json;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Processor;
using Azure.Messaging.EventHubs.Producer;

namespace PrivacyHoldout68.Energy;

public sealed record MeterReading(string MeterSerial, string AccountNumber, string Mpan, string Register, decimal Kwh, DateTimeOffset ReadAt, string Feeder);

/// <summary>
/// Publishes half-hourly readings to the "meter-readings" hub, partitioned by meter serial so that a
/// meter's readings stay in order, and consumes them for settlement. A smart meter's serial identifies
/// the household it is installed in.
/// </summary>
public sealed class ReadingPublisher(EventHubProducerClient producer, TelemetrySecrets telemetrySecrets, Pseudonymizer pseudonymizer, ILogger<ReadingPublisher> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Readings");
    private static readonly Meter ReadingsMeter = new("Supplier.Readings");
    private static readonly ReadingIngestedCounter Ingested = ReadingsMeter.CreateReadingIngestedCounter();
    private static readonly Histogram<long> BatchBytes = ReadingsMeter.CreateHistogram<long>("eventhubs.batch.size", "By");

    public async Task PublishAsync(string region, IReadOnlyList<MeterReading> readings, CancellationToken ct)
    {
        foreach (var meter in readings.GroupBy(r => r.MeterSerial))
        {
            var options = new CreateBatchOptions { PartitionKey = meter.Key };
            var batch = await producer.CreateBatchAsync(options, ct);
            foreach (var reading in meter)
            {
                var data = new EventData(JsonSerializer.Serialize(reading)) { MessageId = $"{reading.Mpan}:{reading.ReadAt:yyyyMMddHHmm}" };
                data.Properties["register"] = reading.Register;
                data.Properties["feeder"] = reading.Feeder;
                batch.TryAdd(data);
                logger.LogDebug("Queued reading for meter {MeterSerial} on register {Register}", meter.Key, reading.Register); // leak TC1001 direct
            }
            using var span = Source.StartReadingIngest($"{producer.EventHubName} send") // clean precision-names
                .SetReadingRegion(region) // clean precision-about
                .SetReadingPartition(options.PartitionKey); // leak TC1001 generated-api
            span.SetReadingAccountId(pseudonymizer.PseudonymizeReadingAccountId(meter.First().AccountNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("messaging.batch.message_count", batch.Count); // clean precision-about
            span.Activity?.SetTag("meter.model", meter.Key[..3]); // clean precision-about
            await producer.SendAsync(batch, ct);
            BatchBytes.Record(batch.SizeInBytes, new KeyValuePair<string, object?>("hub", producer.EventHubName), new("region", region)); // clean precision-about
            Ingested.Add(batch.Count, region, "sent"); // clean precision-about
        }
    }

    public async Task SendUrgentAsync(MeterReading reading, CancellationToken ct)
    {
        var shard = BitConverter.ToUInt32(HMACSHA256.HashData(telemetrySecrets.ShardKey, Encoding.UTF8.GetBytes(reading.MeterSerial))) % 32;
        var sample = BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(reading.MeterSerial))) % 100 < 5;
        await producer.SendAsync(new[] { new EventData(JsonSerializer.Serialize(reading)) }, new SendEventOptions { PartitionId = shard.ToString() }, ct);
        Activity.Current?.SetTag("eventhubs.partition_id", shard); // clean hashes
        Activity.Current?.SetTag("reading.sampled", sample); // leak TC1002 hashes
        logger.LogInformation("Urgent reading for MPAN {Mpan} on register {Register}", reading.Mpan, reading.Register); // leak TC1001 direct
        logger.LogInformation("Urgent reading for distributor {Distributor} on register {Register}", reading.Mpan[..2], reading.Register); // clean precision-about
    }

    public async Task OnEventAsync(ProcessEventArgs args)
    {
        if (!args.HasEvent)
        {
            return;
        }
        var partitionKey = args.Data.PartitionKey;
        using var scope = logger.BeginScope("Partition {PartitionId} at {SequenceNumber}", args.Partition.PartitionId, args.Data.SequenceNumber); // clean precision-about
        using var keyScope = logger.BeginScope(new Dictionary<string, object?> { ["PartitionKey"] = partitionKey, ["EnqueuedTime"] = args.Data.EnqueuedTime }); // leak TC1001 cross-member
        var reading = args.Data.EventBody.ToObjectFromJson<MeterReading>();
        if (reading is null || reading.Kwh < 0)
        {
            logger.LogReadingRejectedEvent(args.Data.MessageId ?? "?", "invalid", readingNote: $"negative or unreadable reading in {args.Data.EventBody}"); // leak TC1001 generated-api
            logger.LogReadingRejectedEvent(args.Data.MessageId ?? "?", "invalid", readingNote: $"{args.Data.EventBody.ToMemory().Length} byte body on partition {args.Partition.PartitionId}"); // leak TC1001 cross-member
            return;
        }
        logger.LogDebug("Settled {Kwh} kWh from feeder {Feeder} properties {@Properties}", reading.Kwh, reading.Feeder, args.Data.Properties); // clean logging-objects
        await args.UpdateCheckpointAsync(args.CancellationToken);
    }
}
