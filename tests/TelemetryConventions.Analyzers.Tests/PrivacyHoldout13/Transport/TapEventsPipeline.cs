using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Transport;

/// <summary>A card tap at a gate, published on <c>gates.taps</c> keyed by the travel card number.</summary>
public sealed record Tap(string CardNumber, string GateId, string StationCode, string Direction, DateTimeOffset At);

public sealed record Journey(string CardNumber, Tap TapIn, Tap TapOut);

public sealed class FareCalculationException(string message) : Exception(message);

public interface IFareEngine
{
    decimal Price(Journey journey);
}

/// <summary>
/// Pairs tap-ins with tap-outs and prices the journey. Taps go from the consumer to the pricing
/// worker through a channel; the journey's span links both taps' contexts.
/// </summary>
public sealed class TapEventsPipeline(
    IConsumer<string, Tap> consumer,
    IFareEngine fares,
    Pseudonymizer pseudonymizer,
    ILogger<TapEventsPipeline> logger) : BackgroundService
{
    private const string Topic = "gates.taps";
    private const int Capacity = 20_000;
    private static readonly ActivitySource Source = new("Transit.Fares");
    private static readonly Meter Meter = new("Transit.Fares");
    private static readonly Counter<long> Journeys = Meter.CreateCounter<long>("transit.journeys", "{journey}");
    private readonly Channel<ConsumeResult<string, Tap>> _taps = Channel.CreateBounded<ConsumeResult<string, Tap>>(Capacity);
    private readonly Dictionary<string, ConsumeResult<string, Tap>> _openJourneys = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(() => ConsumeAsync(stoppingToken), stoppingToken), PriceAsync(stoppingToken));

    private async Task ConsumeAsync(CancellationToken ct)
    {
        consumer.Subscribe(Topic);
        while (!ct.IsCancellationRequested)
        {
            ConsumeResult<string, Tap> result;
            try
            {
                result = consumer.Consume(ct);
            }
            catch (ConsumeException ex) when (ex.Error.Code == ErrorCode.Local_KeyDeserialization)
            {
                logger.LogError("Undecodable key at {TopicPartitionOffset}: {Key}", ex.ConsumerRecord.TopicPartitionOffset, Convert.ToBase64String(ex.ConsumerRecord.Message.Key)); // leak TC1001 hashes
                logger.LogError("Undecodable key at {TopicPartitionOffset} ({KeyLength} bytes)", ex.ConsumerRecord.TopicPartitionOffset, ex.ConsumerRecord.Message.Key.Length); // clean precision-about
                continue;
            }

            await _taps.Writer.WriteAsync(result, ct);
            if (_taps.Reader.Count > Capacity / 2)
            {
                logger.LogInformation("Tap queue at {Depth} of {Capacity}", _taps.Reader.Count, Capacity);
            }
        }
    }

    private async Task PriceAsync(CancellationToken ct)
    {
        await foreach (var result in _taps.Reader.ReadAllAsync(ct))
        {
            var tap = result.Message.Value;
            if (tap.Direction == "in")
            {
                _openJourneys[result.Message.Key] = result;
                continue;
            }

            if (!_openJourneys.Remove(result.Message.Key, out var tapIn))
            {
                Activity.Current?.AddEvent(new ActivityEvent("tap.unmatched", tags: new ActivityTagsCollection { ["gate"] = tap.GateId, ["station"] = tap.StationCode })); // clean precision-about
                Activity.Current?.AddEvent(new ActivityEvent("tap.unmatched.card", tags: new ActivityTagsCollection { ["card"] = tap.CardNumber })); // leak TC1001 direct
                continue;
            }

            var links = new[] { tapIn, result }
                .Select(r => new ActivityLink(ContextOf(r), new ActivityTagsCollection { ["messaging.kafka.offset"] = r.Offset.Value, ["messaging.kafka.partition"] = r.Partition.Value })) // clean precision-about
                .ToList();
            using var span = Source.StartPipelineConsume(Topic, "transit.journey price", links: links);
            var activity = Activity.Current;
            activity?.SetTag("transit.card", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("transit.card_suffix", tap.CardNumber[^4..]); // clean precision-about
            activity?.SetTag("transit.gate", tap.GateId); // clean precision-about
            span.SetPipelineSubjectId(pseudonymizer.PseudonymizePipelineSubjectId(tap.CardNumber)); // clean precision-pseudonym

            var journey = new Journey(tap.CardNumber, tapIn.Message.Value, tap);
            try
            {
                var fare = Price(journey);
                Journeys.Add(1, new("origin", journey.TapIn.StationCode), new("destination", tap.StationCode)); // clean precision-about
                activity?.SetTag("transit.fare", (double)fare);
            }
            catch (FareCalculationException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning(ex, "Fare calculation failed between {Origin} and {Destination}", journey.TapIn.StationCode, tap.StationCode); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping with {OpenJourneys} journeys open", _openJourneys.Count); // clean precision-about
        logger.LogDebug("Cards with an open journey: {Cards}", _openJourneys.Keys); // leak TC1001 logging-objects
        return base.StopAsync(cancellationToken);
    }

    private decimal Price(Journey journey)
    {
        var fare = fares.Price(journey);
        return fare >= 0
            ? fare
            : throw new FareCalculationException($"No fare rule matched card {journey.CardNumber} from {journey.TapIn.StationCode} to {journey.TapOut.StationCode}");
    }

    private static ActivityContext ContextOf(ConsumeResult<string, Tap> result) =>
        Propagators.DefaultTextMapPropagator.Extract(default, result.Message.Headers, KafkaHeaderPropagation.Getter).ActivityContext;
}
