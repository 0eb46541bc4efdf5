using System;
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
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Energy;

public sealed record HalfHourReading(DateTimeOffset IntervalStart, double KilowattHours, bool Estimated);

public sealed record MeterReadingBatch(string MeterSerial, string Mpan, string FeederId, IReadOnlyList<HalfHourReading> Readings, string FirmwareVersion);

public sealed class ReadingRejectedException(string meterSerial, string reason)
    : Exception($"Readings from meter {meterSerial} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

public interface IReadingStore
{
    Task<int> AppendAsync(MeterReadingBatch batch, CancellationToken cancellationToken);

    Task<string?> TariffForAsync(string mpan, CancellationToken cancellationToken);
}

/// <summary>Consumes half-hourly readings that the head-end system publishes per meter.</summary>
public sealed class MeterReadingConsumer(
    IConsumer<string, MeterReadingBatch> consumer,
    IReadingStore store,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<MeterReadingConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Grid.Readings");
    private readonly Histogram<double> _lag = meter.CreateHistogram<double>("grid.reading.lag", "s");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("grid.reading.rejected");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (consumer.Consume(stoppingToken) is { } result)
        {
            var batch = result.Message.Value;
            var serial = pseudonymizer.PseudonymizeGridMeterSerial(batch.MeterSerial);
            using var span = Source.StartGridReadingIngest(serial) // clean generated-api
                .SetGridFeederId(batch.FeederId) // clean precision-names
                .SetGridReadingCount(batch.Readings.Count); // clean precision-about

            span.Activity?.SetTag("grid.meter.firmware", batch.FirmwareVersion);
            // The MPAN names the household's supply point as surely as the meter serial does.
            span.Activity?.SetTag("grid.meter.mpan", batch.Mpan); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset);

            var estimated = batch.Readings.Count(r => r.Estimated);
            if (estimated > 0)
            {
                span.SetGridReadingNote($"{estimated} estimated readings"); // clean generated-api
            }

            var tariff = await store.TariffForAsync(batch.Mpan, stoppingToken);
            span.Activity?.SetTag("grid.tariff", tariff ?? "unknown"); // clean precision-about

            try
            {
                Validate(batch);
                var stored = await store.AppendAsync(batch, stoppingToken);
                meter.CreateGridReadingsCounter().Add(stored, gridFeederId: batch.FeederId); // clean generated-api
                _lag.Record((DateTimeOffset.UtcNow - batch.Readings.Max(r => r.IntervalStart)).TotalSeconds, new KeyValuePair<string, object?>("grid.meter", serial.Value)); // leak TC1003 precision-pseudonym
            }
            catch (ReadingRejectedException ex)
            {
                span.RecordException(ex, "readings rejected"); // clean exceptions
                _rejected.Add(1, new KeyValuePair<string, object?>("grid.reject.reason", ex.Reason));
                logger.LogWarning(ex, "Batch rejected at offset {Offset}", result.Offset); // leak TC1001 exceptions
                logger.LogGridTamperSuspectedEvent(serial, gridFeederId: batch.FeederId, gridReadingNote: ex.Message); // leak TC1001 generated-api
            }
            consumer.Commit(result);
        }
    }

    private static void Validate(MeterReadingBatch batch)
    {
        if (batch.Readings.Any(r => r.KilowattHours < 0))
        {
            throw new ReadingRejectedException(batch.MeterSerial, "negative consumption");
        }
    }
}
