using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Energy;

public sealed record HalfHourReading(DateTimeOffset Start, double KilowattHours, bool Estimated);

public sealed record ReadingBatch(MeterSerial Meter, string AccountNumber, string Feeder, string Tariff, IReadOnlyList<HalfHourReading> Readings);

/// <summary>Consumes the readings topic, which is keyed by the meter's serial.</summary>
public sealed class ReadingBatchConsumer(
    IConsumer<string, ReadingBatch> consumer,
    ILogger<ReadingBatchConsumer> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<GridTelemetryOptions> options) : BackgroundService
{
    private readonly Counter<long> _supplyReadings = meter.CreateCounter<long>("grid.supply.readings", "{reading}");
    private readonly Histogram<double> _batchEnergy = meter.CreateHistogram<double>("grid.batch.energy", "kWh");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (consumer.Consume(stoppingToken) is not { } result)
            {
                continue;
            }

            Ingest(result);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Ingest(ConsumeResult<string, ReadingBatch> result)
    {
        var batch = result.Message.Value;
        var settings = options.Value;
        using var span = GridTelemetry.Source.StartGridReadingBatch(batch.Feeder).SetGridAccountId(pseudonymizer.PseudonymizeGridAccountId(batch.AccountNumber)).SetGridReadingCount(batch.Readings.Count); // clean precision-pseudonym
        var activity = Activity.Current;

        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.partition", result.Partition);
        activity?.SetTag("messaging.kafka.offset", result.Offset);
        activity?.SetTag("grid.meter.model", batch.Meter.Model); // clean precision-about

        if (settings.TagMeterSerial)
        {
            activity?.SetTag("grid.meter.serial", batch.Meter.ToString()); // leak TC1001 direct
        }

        var gaps = (
            from pair in batch.Readings.Zip(batch.Readings.Skip(1))
            let gap = pair.Second.Start - pair.First.Start
            where gap > TimeSpan.FromMinutes(30)
            select gap).ToList();
        if (gaps.Count > 0)
        {
            span.SetGridNote($"{gaps.Count} gaps, longest {gaps.Max().TotalMinutes:F0} min"); // clean generated-api
            logger.LogMeterGap(batch.Meter, gaps.Max()); // leak TC1001 cross-member
        }

        if (batch.Readings.Any(r => r.KilowattHours < 0))
        {
            span.SetGridNote($"negative reading on {batch.Meter} ({batch.Tariff})"); // leak TC1001 generated-api
        }

        // Spread the accounts over the settlement workers; the shard is on the span for the on-call engineers.
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(batch.AccountNumber));
        var shard = BinaryPrimitives.ReadUInt32LittleEndian(mac) % (uint)settings.Shards;
        activity?.SetTag("grid.settlement.shard", shard); // clean hashes

        // The old partitioner, kept for the replay tool's logs.
        var legacyPartition = (uint)HashCode.Combine(batch.Meter.ToString()) % 64;
        logger.LogDebug("Replay partition {Partition}", legacyPartition); // leak TC1002 hashes

        Span<char> buffer = stackalloc char[16];
        if (batch.Meter.TryFormat(buffer, out var written, default, null))
        {
            logger.LogDebug("Batch of {Count} from {Meter}", batch.Readings.Count, new string(buffer[..written])); // leak TC1001 strings
        }

        meter.CreateGridReadingsCounter().Add(batch.Readings.Count, gridFeeder: batch.Feeder); // clean generated-api
        _supplyReadings.Add(batch.Readings.Count, GridTelemetry.Supply(batch.Feeder, batch.AccountNumber)); // leak TC1003 cross-member
        _batchEnergy.Record(batch.Readings.Sum(r => r.KilowattHours), GridTelemetry.Quality(batch.Feeder, batch.Tariff, batch.Readings.Any(r => r.Estimated))); // clean cross-member
        logger.LogFeederLoad(batch.Feeder, batch.Readings[^1].KilowattHours * 2); // clean cross-member
    }
}
