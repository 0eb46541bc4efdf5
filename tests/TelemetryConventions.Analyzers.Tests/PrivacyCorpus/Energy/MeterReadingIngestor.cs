using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Energy;

/// <summary>A half-hourly reading from a customer's smart meter.</summary>
public sealed record MeterReading(string MeterSerial, string FeederId, DateTimeOffset IntervalStart, double KilowattHours, string Source);

/// <summary>Consumes readings from the head-end system and stores them for billing.</summary>
public sealed class MeterReadingIngestor(
    IConsumer<string, MeterReading> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadingIngestor> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Utility.Metering");
    private static readonly Meter Meter = new("Utility.Metering");
    private static readonly Counter<long> Readings = Meter.CreateCounter<long>("utility.readings");
    private static readonly Histogram<double> Consumption = Meter.CreateHistogram<double>("utility.consumption", "kWh");
    private static readonly UpDownCounter<long> PendingMeters = Meter.CreateUpDownCounter<long>("utility.meters.pending");

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeenByMeter = new();
    private readonly List<string> _rejectedMeters = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                FlushRejections();
                continue;
            }

            Ingest(result.Message.Value);
        }

        return Task.CompletedTask;
    }

    private void Ingest(MeterReading reading)
    {
        var meter = pseudonymizer.Pseudonymize(UtilityAttributes.MeterId, reading.MeterSerial);
        using var span = Source.StartUtilityMeterRead(meter); // clean precision-pseudonym
        span.SetUtilityFeeder(reading.FeederId); // clean generated-api
        span.SetUtilityReadSource(UtilityReadSource.Smart); // clean generated-api
        span.Activity?.SetTag("utility.meter.serial", reading.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag(UtilityAttributes.MeterId, reading.MeterSerial); // leak TC1001 direct

        Consumption.Record(reading.KilowattHours, new KeyValuePair<string, object?>("utility.feeder", reading.FeederId)); // clean direct
        Consumption.Record(reading.KilowattHours, new KeyValuePair<string, object?>("utility.meter", reading.MeterSerial)); // leak TC1003 direct
        Readings.Add(1, new TagList { { "utility.read.source", reading.Source }, { UtilityAttributes.MeterId, meter } }); // leak TC1003 direct

        if (reading.KilowattHours < 0)
        {
            _rejectedMeters.Add(reading.MeterSerial);
            span.SetUtilityReadNote($"negative reading from {reading.MeterSerial}"); // leak TC1001 generated-api
            span.SetStatus(ActivityStatusCode.Error, "negative reading"); // clean generated-api
            return;
        }

        var previous = _lastSeenByMeter.GetOrAdd(reading.MeterSerial, reading.IntervalStart);
        span.Activity?.SetTag("utility.read.gap_minutes", (reading.IntervalStart - previous).TotalMinutes); // clean precision-about
        _lastSeenByMeter[reading.MeterSerial] = reading.IntervalStart;
        PendingMeters.Add(-1, new KeyValuePair<string, object?>("utility.feeder", reading.FeederId)); // clean direct
    }

    private void FlushRejections()
    {
        if (_rejectedMeters.Count == 0)
        {
            return;
        }

        logger.LogWarning("Rejected readings from {Meters}", _rejectedMeters); // leak TC1001 cross-member
        logger.LogWarning("Rejected readings from {MeterCount} meters", _rejectedMeters.Count); // clean precision-about
        Activity.Current?.SetTag("utility.rejected.meters", string.Join(";", _rejectedMeters.Distinct())); // leak TC1001 cross-member
        _rejectedMeters.Clear();
    }
}
