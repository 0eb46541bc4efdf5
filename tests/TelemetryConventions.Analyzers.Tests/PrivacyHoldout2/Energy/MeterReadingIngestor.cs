using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Energy;

public sealed record MeterReading(string MeterSerial, string AccountNumber, DateTimeOffset ReadAt, double KilowattHours, string FeederId);

public sealed class InvalidReadingException(string meterSerial, string detail) : Exception($"Reading from meter {meterSerial} rejected: {detail}")
{
    public string MeterSerial { get; } = meterSerial;
}

public static class ReadingActivityExtensions
{
    public static Activity? WithReading(this Activity? activity, MeterReading reading)
    {
        activity?.SetTag("energy.feeder.id", reading.FeederId);
        activity?.SetTag("energy.reading.kwh", reading.KilowattHours);
        return activity;
    }

    public static Activity? WithMeter(this Activity? activity, string meterSerial)
    {
        activity?.SetTag("energy.meter.serial", meterSerial);
        return activity;
    }
}

public sealed class MeterReadingIngestor(IConsumer<string, string> consumer, ILogger<MeterReadingIngestor> logger, Meter meter, Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.Readings");
    private readonly Histogram<double> _consumption = meter.CreateHistogram<double>("energy.reading.kwh");
    private readonly Dictionary<string, int> _readingsPerMeter = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var parentContext = result.Message.Headers.TryGetValue("traceparent", out var traceParent) && ActivityContext.TryParse(traceParent, null, out var parsed) ? parsed : default;
            using var activity = Source.StartActivity("reading.ingest", ActivityKind.Consumer, parentContext, tags: new ActivityTagsCollection { ["messaging.destination.name"] = result.Topic, ["messaging.kafka.message.key"] = result.Message.Key }); // leak TC1001 direct

            try
            {
                var reading = JsonSerializer.Deserialize<MeterReading>(result.Message.Value) ?? throw new InvalidReadingException(result.Message.Key, "empty payload");
                activity.WithReading(reading); // clean precision-names
                activity.WithMeter(reading.MeterSerial); // leak TC1001 cross-member

                _readingsPerMeter[reading.MeterSerial] = _readingsPerMeter.TryGetValue(reading.MeterSerial, out var seen) ? seen + 1 : 1;
                activity?.SetTag("energy.meter.readings_today", _readingsPerMeter[reading.MeterSerial]); // clean precision-about

                _consumption.Record(reading.KilowattHours, new KeyValuePair<string, object?>("feeder", reading.FeederId)); // clean precision-names
                _consumption.Record(reading.KilowattHours, new KeyValuePair<string, object?>("meter", reading.MeterSerial)); // leak TC1003 direct
                meter.CreateTariffSwitchesCounter().Add(0, tariffRegion: reading.FeederId); // clean generated-api
            }
            catch (InvalidReadingException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
                logger.LogWarning("Rejected reading at offset {Offset} on {Topic}: {Reason}", result.Offset, result.Topic, ex.Message); // leak TC1001 exceptions
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Unreadable reading at offset {Offset} on partition {Partition}", result.Offset, result.Partition); // clean exceptions
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void Forget(string accountNumber) =>
        logger.LogInformation("Forgetting account {Account}", pseudonymizer.PseudonymizeTariffAccountId(accountNumber)); // clean precision-pseudonym
}
