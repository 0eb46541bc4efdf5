using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout6.Support;
using TelemetryConventions;

namespace PrivacyHoldout6.Transport;

public readonly record struct TapEvent(string CardNumber, string StopCode, DateTimeOffset At, string? PassengerEmail, string PassengerClass);

public sealed record PlateRead(string Plate, string CameraId, bool IsFleetVehicle);

public static class JourneyEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/journeys/{cardNumber}", (string cardNumber, [FromQuery(Name = "from")] DateOnly? from, HashingKeys keys, ILogger<TapEvent> logger) =>
        {
            ReadOnlySpan<char> card = cardNumber;
            Activity.Current?.SetTag("journey.card.last4", card[^4..].ToString()); // clean precision-about
            Activity.Current?.SetTag("journey.card", cardNumber); // leak TC1001 direct
            Activity.Current?.SetTag("journey.card.shard", HMACSHA256.HashData(keys.ShardKey, Encoding.UTF8.GetBytes(cardNumber))[0] % 16); // clean hashes
            Activity.Current?.SetTag("journey.card.ref", new Guid(SHA1.HashData(Encoding.UTF8.GetBytes(cardNumber)).AsSpan(0, 16)).ToString()); // leak TC1002 hashes
            logger.LogInformation("Journey history requested from {From}", from); // clean direct
            return Results.Ok();
        });
    }
}

/// <summary>Handles number-plate reads from the congestion-zone cameras.</summary>
public sealed class PlateReadHandler(ILogger<PlateReadHandler> logger, HashingKeys keys)
{
    public void Handle(PlateRead read)
    {
        var level = read.IsFleetVehicle ? LogLevel.Debug : LogLevel.Information;
        logger.Log(level, "Plate {Plate} read at camera {Camera}", read.Plate, read.CameraId); // leak TC1001 direct
        Activity.Current?.SetTag("anpr.camera", read.CameraId); // clean direct
        using var hmac = new HMACSHA256(keys.ShardKey);
        Activity.Current?.SetTag("anpr.plate.partition", hmac.ComputeHash(Encoding.ASCII.GetBytes(read.Plate))[0] % 8); // clean hashes
        Activity.Current?.SetTag("anpr.plate.region", read.Plate.Length > 2 ? read.Plate[..2] : "??"); // clean precision-about
    }

    public void HandleBatch(IReadOnlyList<PlateRead> reads)
    {
        var privatePlates = reads.Where(r => !r.IsFleetVehicle).Select(r => r.Plate).ToArray();
        Activity.Current?.SetTag("anpr.batch.private", string.Join(";", privatePlates)); // leak TC1001 strings
        Activity.Current?.SetTag("anpr.batch.private_count", privatePlates.Length); // clean precision-about
        Activity.Current?.SetTag("anpr.batch.cameras", string.Join(";", reads.Select(r => r.CameraId).Distinct())); // clean strings
        logger.LogInformation("Plates in batch: {Plates}", reads.Select(r => r.Plate.GetHashCode()).ToArray()); // leak TC1002 hashes
    }
}

/// <summary>Prices the taps that the gates stream in.</summary>
public sealed class TapPricing(ILogger<TapPricing> logger, Pseudonymizer pseudonymizer)
{
    private const string PassengerDomain = "transport.passenger";

    public async Task RunAsync(IAsyncEnumerable<TapEvent> taps, CancellationToken cancellationToken)
    {
        await foreach (var tap in taps.WithCancellation(cancellationToken))
        {
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["StopCode"] = tap.StopCode, ["Card"] = tap.CardNumber }); // leak TC1001 logging-objects
            using var passengerScope = logger.BeginScope(new Dictionary<string, object?> { ["StopCode"] = tap.StopCode, ["Passenger"] = pseudonymizer.Compute(PassengerDomain, tap.CardNumber) }); // clean logging-objects
            logger.LogDebug("Tap received: {Tap}", tap); // leak TC1001 logging-objects
            logger.LogDebug("Tap at {Stop} on {Day}", tap.StopCode, tap.At.DayOfWeek); // clean direct
            Activity.Current?.SetTag("tap.passenger.class", tap.PassengerClass); // clean precision-names
            if (tap is { PassengerEmail: { } email })
            {
                Baggage.SetBaggage("tap.receipt.domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
                Baggage.SetBaggage("tap.receipt.to", email); // leak TC1001 direct
            }

            var fare = await PriceAsync(tap);
            logger.LogInformation("Fare {Fare} for passenger {Passenger}", fare, pseudonymizer.Pseudonymize(PassengerDomain, tap.CardNumber)); // clean precision-pseudonym
            logger.LogInformation("Fare {Fare} charged to card {Card}", fare, string.Concat(tap.CardNumber.AsSpan(0, 4), "-", tap.CardNumber.AsSpan(4))); // leak TC1001 strings
        }
    }

    private static Task<decimal> PriceAsync(TapEvent tap) => Task.FromResult(tap.PassengerClass == "first" ? 4.2m : 2.8m);
}
