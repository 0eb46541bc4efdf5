using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.Kafka;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;
using TelemetrySecrets = PrivacyCorpus.Shared.TelemetrySecrets;

namespace PrivacyHoldout51.Energy;

public sealed record HalfHourlyReading(string MeterSerial, string Mpan, DateTimeOffset PeriodStart, decimal Kwh, string ReadType);

public interface ISettlementStore
{
    Task SaveAsync(IReadOnlyList<HalfHourlyReading> readings, CancellationToken cancellationToken);
}

/// <summary>
/// Consumes <c>meter.readings.v2</c>, which the head-end system keys by meter serial, in batches
/// for settlement.
/// </summary>
public sealed class MeterReadingsConsumer(
    IConsumer<string, string> consumer,
    ISettlementStore settlement,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadingsConsumer> logger)
{
    private static readonly ActivitySource Source = new("Supply.Readings");
    private static readonly Meter Meter = new("Supply.Readings");
    private static readonly Counter<long> Readings = Meter.CreateCounter<long>("readings.consumed", "{reading}");
    private static readonly Histogram<long> Lag = Meter.CreateHistogram<long>("readings.consumer.lag", "{message}");

    public async Task ConsumeBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var batch = new List<ConsumeResult<string, string>>(batchSize);
        while (batch.Count < batchSize && !cancellationToken.IsCancellationRequested)
        {
            batch.Add(consumer.Consume(cancellationToken));
        }

        // One span for the batch, linked to each record's position in the log.
        var links = batch.Select(r => new ActivityLink(default, new ActivityTagsCollection { ["messaging.destination.partition.id"] = r.Partition, ["messaging.kafka.offset"] = r.Offset })).ToList(); // clean precision-names
        using var activity = Source.StartActivity("meter.readings process", ActivityKind.Consumer, default(ActivityContext), links: links);
        activity?.SetTag("messaging.batch.message_count", batch.Count); // clean precision-about

        var readings = new List<HalfHourlyReading>(batch.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            var reading = JsonSerializer.Deserialize<HalfHourlyReading>(record.Message.Value);
            if (reading is null || reading.Kwh < 0)
            {
                activity?.AddEvent(new ActivityEvent("reading.rejected", tags: new ActivityTagsCollection { ["meter.serial"] = record.Message.Key, ["kafka.offset"] = record.Offset })); // leak TC1001 direct
                logger.LogWarning("Rejected reading payload {Payload}", record.Message.Value); // leak TC1001 logging-objects
                continue;
            }

            var dedupeKey = $"{reading.MeterSerial}:{reading.PeriodStart:yyyyMMddHHmm}";
            if (!seen.Add(dedupeKey))
            {
                logger.LogDebug("Duplicate reading {DedupeKey} skipped", dedupeKey); // leak TC1001 strings
                continue;
            }

            readings.Add(reading);
            Readings.Add(1, new KeyValuePair<string, object?>("read_type", reading.ReadType)); // clean precision-about
            Readings.Add(1, new KeyValuePair<string, object?>("meter", record.Message.Key)); // leak TC1003 direct
        }

        activity?.SetTag("meter.model_prefixes", string.Join(",", batch.Select(r => r.Message.Key[..3]).Distinct())); // clean precision-about
        activity?.SetTag("meter.serials", string.Join(",", batch.Select(r => r.Message.Key))); // leak TC1001 strings
        activity?.SetTag("supply.distributors", string.Join(",", readings.Select(r => r.Mpan[..2]).Distinct())); // clean precision-about

        var first = batch[0];
        logger.LogDebug("Batch starts at key {KeyBase64}", Convert.ToBase64String(Encoding.UTF8.GetBytes(first.Message.Key))); // leak TC1001 hashes
        logger.LogDebug("Batch starts at {Topic}/{Partition}@{Offset}", first.Topic, first.Partition, first.Offset); // clean precision-names

        await settlement.SaveAsync(readings, cancellationToken);
        foreach (var partition in batch.GroupBy(r => r.Partition))
        {
            Lag.Record(consumer.GetLag(first.Topic, partition.Key), new TagList { { "topic", first.Topic }, { "partition", partition.Key }, { "group", consumer.Name } }); // clean precision-about
        }

        var lastBySerial = readings.GroupBy(r => r.MeterSerial).ToDictionary(g => g.Key, g => g.Max(r => r.PeriodStart));
        logger.LogInformation("Latest period per meter {LatestPeriods}", lastBySerial); // leak TC1001 logging-objects
        logger.LogInformation("Settled {Count} readings from {Meters} meters", readings.Count, lastBySerial.Count); // clean precision-about
        if (lastBySerial.Count == 1)
        {
            // A batch of one meter is a catch-up after a communications outage.
            activity?.SetTag("supply.subject", pseudonymizer.ComputeBusSubjectId(first.Message.Key)); // clean precision-pseudonym

            // Settlement cohorts were first cut from SHA-1 of the serial; the dashboards still show them.
            var cohort = SHA1.HashData(Encoding.UTF8.GetBytes(first.Message.Key))[0] % 16;
            activity?.SetTag("settlement.cohort", cohort); // leak TC1002 hashes
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(first.Message.Key))[0] % 16;
            activity?.SetTag("settlement.shard", shard); // clean hashes
        }

        consumer.Commit(batch[^1]);
    }
}
