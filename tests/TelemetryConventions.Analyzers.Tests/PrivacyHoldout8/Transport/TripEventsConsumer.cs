using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PrivacyCorpus.Shared;
using PrivacyHoldout8.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout8.Transport;

public sealed record TapEvent(string TravelCardNumber, string RiderId, string StopCode, string RouteId, DateTimeOffset TappedAt);

public sealed record PlateRead(string Plate, string CameraId, string ZoneCode, bool Exempt)
{
    // Support asked for the plate in the printed form so that they can match camera stills.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Plate = ").Append(Plate).Append(", Zone = ").Append(ZoneCode);
        return true;
    }
}

public sealed class FareCalculationException(string message) : Exception(message);

/// <summary>Consumes taps from the gates; each message starts a consumer span linked to the gate's span.</summary>
public sealed class TapConsumer(IConsumer<string, TapEvent> consumer, IServiceScopeFactory scopes, ILogger<TapConsumer> logger, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Transport");
    private static readonly Meter Meter = new("PrivacyHoldout8.Transport");
    private static readonly UpDownCounter<int> RidersOnBoard = Meter.CreateUpDownCounter<int>("route.riders.on_board");

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        while (consumer.Consume(cancellationToken) is { } result)
        {
            var tap = result.Message.Value;
            var parent = result.Message.Headers.TryGetValue("traceparent", out var traceparent) && ActivityContext.TryParse(traceparent, null, out var context) ? context : default;
            using var activity = Source.StartActivity("tap.process", ActivityKind.Consumer, default(ActivityContext), links: new[] { new ActivityLink(parent) });
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean direct
            activity?.SetTag("route.id", tap.RouteId); // clean precision-names

            await using var scope = scopes.CreateAsyncScope();
            var pseudonymizer = scope.ServiceProvider.GetRequiredService<Pseudonymizer>();
            var rider = pseudonymizer.Pseudonymize(TelemetryPseudonyms.JourneyRiderIdDomain, tap.RiderId);
            using var trip = Source.StartJourneyTrip(rider); // clean generated-api
            trip.SetJourneySite(tap.StopCode); // clean generated-api
            trip.SetJourneyNote(tap.TravelCardNumber[^4..]); // clean precision-about
            trip.Activity?.SetTag(JourneyAttributes.RiderContact, rider.Value); // leak TC1001 precision-pseudonym

            RidersOnBoard.Add(1, new KeyValuePair<string, object?>("route.id", tap.RouteId)); // clean direct
            RidersOnBoard.Add(1, new KeyValuePair<string, object?>("rider.card", tap.TravelCardNumber)); // leak TC1003 direct

            try
            {
                Charge(tap);
            }
            catch (FareCalculationException ex)
            {
                ex.Data["card"] = tap.TravelCardNumber;
                logger.LogError(ex, "Fare calculation failed on route {Route}", tap.RouteId); // clean exceptions
                logger.LogError("Fare calculation failed: {Error}", ex.ToString()); // clean exceptions
                trip.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }

            consumer.Commit(result);
            Write(logger, "tap {0} at {1}", tap.StopCode, tap.TappedAt.ToString("O", CultureInfo.InvariantCulture)); // clean strings
            Write(logger, "tap by rider {0} at {1}", tap.RiderId, tap.StopCode); // leak TC1001 strings
            Activity.Current?.SetTag("rider.shard", Shard(tap.RiderId, secrets.ShardKey)); // clean hashes
        }
    }

    private static void Charge(TapEvent tap)
    {
        if (tap.StopCode.Length == 0)
        {
            throw new FareCalculationException($"No stop for route {tap.RouteId}");
        }
    }

    private static void Write(ILogger logger, string format, params object[] args) =>
        logger.LogInformation(string.Format(CultureInfo.InvariantCulture, format, args));

    private static int Shard(string riderId, byte[] key) =>
        BitConverter.ToInt32(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(riderId)), 0) & 0x3F;
}

/// <summary>Low-emission zone camera reads.</summary>
public sealed class ZoneEnforcement(ILogger<ZoneEnforcement> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Transport.Zones");

    public void Process(PlateRead read, string ownerPhone)
    {
        using var activity = Source.StartActivity("zone.read");
        activity?.SetTag("camera.id", read.CameraId); // clean precision-names
        activity?.SetTag("zone.code", read.ZoneCode); // clean direct
        logger.LogInformation("Plate read {Read}", read); // leak TC1001 logging-objects
        logger.LogInformation("Plate read in {Zone}, exempt {Exempt}", read.ZoneCode, read.Exempt); // clean logging-objects

        var attributes = Describe(read, ownerPhone);
        foreach (var (key, value) in attributes)
        {
            activity?.SetTag(key, value); // leak TC1001 cross-member
        }

        var vehicle = pseudonymizer.Pseudonymize("transport.plate", read.Plate);
        Baggage.SetBaggage("vehicle", vehicle.Value); // clean precision-pseudonym
        activity?.SetTag("plate.checksum", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(read.Plate)))); // leak TC1002 hashes
        activity?.SetTag("owner.phone.present", !string.IsNullOrEmpty(ownerPhone)); // clean precision-about
        activity?.SetTag("owner.phone_country", ownerPhone.StartsWith("+44", StringComparison.Ordinal) ? "gb" : "other"); // clean precision-about
    }

    private static Dictionary<string, string> Describe(PlateRead read, string ownerPhone) => new()
    {
        ["zone.read.plate"] = read.Plate,
        ["zone.read.owner_phone"] = ownerPhone,
    };
}
