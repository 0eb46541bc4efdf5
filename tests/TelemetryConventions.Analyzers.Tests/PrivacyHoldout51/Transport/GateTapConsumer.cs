using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.Kafka;
using PrivacyHoldout51.Support.NServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Transport;

public sealed record GateTap(string CardNumber, string StationCode, string GateId, string Direction, DateTimeOffset TappedAt);

public sealed record TapForPricing(Guid JourneyId, string CardNumber, string StationCode, string Direction, DateTimeOffset TappedAt);

public sealed record VehiclePosition(string VehicleId, string RouteId, double Latitude, double Longitude, int DelaySeconds);

public interface IHotlist
{
    Task<bool> IsHotlistedAsync(string hotlistKey, CancellationToken cancellationToken);
}

public interface IJourneyIndex
{
    Task<Guid> OpenOrMatchAsync(string cardNumber, string stationCode, string direction, CancellationToken cancellationToken);
}

/// <summary>
/// Consumes <c>gates.taps</c>, which the gate line controllers key by travel card number so a card's
/// taps are priced in order, and sends each tap to the pricing endpoint.
/// </summary>
public sealed class GateTapConsumer(
    IConsumer<string, string> consumer,
    IHotlist hotlist,
    IJourneyIndex journeys,
    IMessageSession bus,
    Pseudonymizer pseudonymizer,
    ILogger<GateTapConsumer> logger)
{
    private static readonly ActivitySource Source = new("Transit.Gates");
    private static readonly Meter Meter = new("Transit.Gates");
    private static readonly Counter<long> Taps = Meter.CreateCounter<long>("gates.taps", "{tap}");

    public async Task HandleNextAsync(CancellationToken cancellationToken)
    {
        var record = consumer.Consume(cancellationToken);
        var tap = JsonSerializer.Deserialize<GateTap>(record.Message.Value)!;

        using var activity = Source.StartActivity("gates.taps process", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", record.Message.Key); // leak TC1001 direct
        activity?.SetTag("card.last4", record.Message.Key[^4..]); // clean precision-about
        activity?.SetTag("tap.station", tap.StationCode); // clean precision-names
        activity?.SetTag("tap.card_ref", pseudonymizer.ComputeBusSubjectId(tap.CardNumber)); // clean precision-pseudonym

        // Revenue protection still keys the hotlist by SHA-256 of the card number.
        var hotlistKey = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(tap.CardNumber)));
        if (await hotlist.IsHotlistedAsync(hotlistKey, cancellationToken))
        {
            activity?.AddEvent(new ActivityEvent("tap.hotlisted", tags: new ActivityTagsCollection { ["hotlist.key"] = hotlistKey, ["tap.station"] = tap.StationCode })); // leak TC1002 hashes
            logger.LogWarning("Hotlisted card {CardNumber} tapped at {Station}", tap.CardNumber, tap.StationCode); // leak TC1001 direct
            consumer.StoreOffset(record);
            return;
        }

        var journeyId = await journeys.OpenOrMatchAsync(tap.CardNumber, tap.StationCode, tap.Direction, cancellationToken);
        var options = new SendOptions();
        options.SetHeader("Transit.Card", tap.CardNumber);
        await bus.Send(new TapForPricing(journeyId, tap.CardNumber, tap.StationCode, tap.Direction, tap.TappedAt), options);

        activity?.SetTag("journey.id", journeyId); // clean precision-names
        Taps.Add(1, new TagList { { "station", tap.StationCode }, { "direction", tap.Direction } }); // clean precision-about
        Taps.Add(1, new TagList { { "station", tap.StationCode }, { "card", tap.CardNumber } }); // leak TC1003 direct
        logger.LogDebug("Tap {Offset} on {Partition} sent for pricing as journey {JourneyId}", record.Offset, record.Partition, journeyId); // clean precision-names
        consumer.StoreOffset(record);
    }
}

/// <summary>Consumes <c>fleet.positions</c>, keyed by vehicle id, for the live bus map.</summary>
public sealed class FleetPositionConsumer(IConsumer<string, string> consumer, ILogger<FleetPositionConsumer> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fleet");

    public void HandleNext(CancellationToken cancellationToken)
    {
        var record = consumer.Consume(cancellationToken);
        var position = JsonSerializer.Deserialize<VehiclePosition>(record.Message.Value)!;
        using var activity = Source.StartActivity("fleet.positions process", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", record.Message.Key); // clean precision-names
        activity?.SetTag("vehicle.route", position.RouteId); // clean precision-names
        activity?.SetTag("vehicle.position", $"{position.Latitude:F5},{position.Longitude:F5}"); // clean precision-about
        logger.LogDebug("Vehicle {VehicleId} on {Route} running {Delay} s late", position.VehicleId, position.RouteId, position.DelaySeconds); // clean precision-names
        consumer.StoreOffset(record);
    }
}
