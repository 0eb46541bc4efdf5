using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Energy;

/// <summary>A half-hourly reading from a customer's smart meter, keyed on the topic by the meter's serial.</summary>
public sealed record MeterReading(string MeterSerial, string FeederId, string Register, DateTimeOffset IntervalStart, decimal Kwh, string Quality);

/// <summary>
/// Validates raw readings (<c>meter.readings.raw</c>, keyed by meter serial) and republishes them
/// on <c>meter.readings.validated</c> with the same key. Consuming and validating are decoupled by
/// a bounded channel so that a slow validator slows the consumer down rather than the broker.
/// </summary>
public sealed partial class MeterReadingsPipeline(
    IConsumer<string, MeterReading> consumer,
    IProducer<string, MeterReading> producer,
    StreamSecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadingsPipeline> logger) : BackgroundService
{
    private const string RawTopic = "meter.readings.raw";
    private const string ValidatedTopic = "meter.readings.validated";
    private const string Group = "reading-validator";
    private static readonly ActivitySource Source = new("Grid.Readings");
    private static readonly Meter Meter = new("Grid.Readings");
    private static readonly Counter<long> Validated = Meter.CreateCounter<long>("readings.validated", "{reading}");
    private static readonly Histogram<double> Consumption = Meter.CreateHistogram<double>("readings.kwh", "kWh");

    private readonly Channel<ConsumeResult<string, MeterReading>> _toValidate =
        Channel.CreateBounded<ConsumeResult<string, MeterReading>>(new BoundedChannelOptions(5_000) { FullMode = BoundedChannelFullMode.Wait });

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Meter.CreateObservableGauge("kafka.consumer.lag", ObserveLag, "{message}");
        return Task.WhenAll(Task.Run(() => ConsumeAsync(stoppingToken), stoppingToken), ValidateAsync(stoppingToken));
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        consumer.Subscribe(RawTopic);
        while (!ct.IsCancellationRequested)
        {
            var result = consumer.Consume(ct);
            if (!_toValidate.Writer.TryWrite(result))
            {
                ValidatorBehind(logger, result.Message.Key, _toValidate.Reader.Count); // clean precision-pseudonym
                await _toValidate.Writer.WriteAsync(result, ct);
            }
        }
    }

    private async Task ValidateAsync(CancellationToken ct)
    {
        await foreach (var result in _toValidate.Reader.ReadAllAsync(ct))
        {
            var reading = result.Message.Value;
            using var scope = logger.BeginScope("Reading from meter {MeterSerial} at {Offset}", result.Message.Key, result.Offset.Value); // leak TC1001 logging-objects
            using var span = Source.StartPipelineConsume(RawTopic);
            span.SetPipelineConsumerGroup(Group);
            span.SetPipelineOffset(result.Offset.Value);
            var activity = Activity.Current;

            if (Reject(reading) is { } reason)
            {
                activity?.AddEvent(new ActivityEvent("reading.rejected", tags: new ActivityTagsCollection { ["meter.serial"] = reading.MeterSerial, ["reason"] = reason })); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("reading.rejected.detail", tags: new ActivityTagsCollection { ["reason"] = reason, ["register"] = reading.Register, ["quality"] = reading.Quality })); // clean precision-about
                Validated.Add(1, new("outcome", "rejected"), new("meter.serial", reading.MeterSerial)); // leak TC1003 direct
                continue;
            }

            Validated.Add(1, new("outcome", "accepted"), new("feeder.id", reading.FeederId)); // clean precision-about
            Consumption.Record((double)reading.Kwh, new("feeder.id", reading.FeederId), new("meter.ref", pseudonymizer.ComputePipelineSubjectId(reading.MeterSerial))); // leak TC1003 precision-pseudonym
            activity?.SetTag("grid.meter.shard", BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(reading.MeterSerial))) % 32); // leak TC1002 hashes
            activity?.SetTag("grid.meter.partition_hint", HMACSHA256.HashData(secrets.PartitionKey, Encoding.UTF8.GetBytes(reading.MeterSerial))[0] % 32); // clean hashes

            await PublishAsync(reading, ct);
            consumer.StoreOffset(result);
        }
    }

    private async Task PublishAsync(MeterReading reading, CancellationToken ct)
    {
        try
        {
            var delivered = await producer.ProduceAsync(ValidatedTopic, new Message<string, MeterReading> { Key = reading.MeterSerial, Value = reading }, ct);
            logger.LogDebug("Validated reading delivered to {TopicPartitionOffset} ({Status})", delivered.TopicPartitionOffset, delivered.Status); // clean precision-about
        }
        catch (ProduceException<string, MeterReading> ex)
        {
            logger.LogError(ex, "Could not publish a validated reading: {ErrorCode}", ex.Error.Code); // clean exceptions
            logger.LogError("Delivery of the reading of meter {MeterSerial} failed: {Reason}", ex.DeliveryResult.Key, ex.Error.Reason); // leak TC1001 direct
        }
    }

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var partition in consumer.Assignment)
        {
            var watermarks = consumer.GetWatermarkOffsets(partition);
            var position = consumer.Position(partition);
            if (!position.IsSpecial)
            {
                yield return new Measurement<long>(watermarks.High.Value - position.Value, new("topic", partition.Topic), new("partition", partition.Partition.Value), new("group", Group)); // clean precision-about
            }
        }
    }

    private static string? Reject(MeterReading reading) =>
        reading.Kwh < 0 ? "negative"
        : reading.Kwh > 50 ? "implausible"
        : reading.Quality == "E" ? "estimated"
        : null;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Validator behind: reading of {MeterSerial} waits, {Queued} queued")]
    private static partial void ValidatorBehind(ILogger logger, [PersonalData] string meterSerial, int queued);
}
