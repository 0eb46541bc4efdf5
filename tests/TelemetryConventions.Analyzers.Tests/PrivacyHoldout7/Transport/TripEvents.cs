using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout7.Support;
using PrivacyHoldout7.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout7.Transport;

public sealed record TripCompleted(string TripId, string RiderId, string RiderPhone, string DriverId, string VehiclePlate, string RouteId, double DistanceKm, int PassengerCount);

public sealed class FareOptions
{
    public string Currency { get; set; } = "EUR";

    public string PricingModel { get; set; } = "zone";
}

public interface IFareCalculator
{
    Task<decimal> PriceAsync(TripCompleted trip);
}

/// <summary>Consumes trip-completed messages from the dispatch topic and prices them.</summary>
public sealed class TripCompletedProcessor(IFareCalculator fares, IOptions<FareOptions> options, Pseudonymizer pseudonymizer, byte[] shardKey, Meter meter, ILogger<TripCompletedProcessor> logger)
{
    private static readonly ActivitySource Source = new("Ride.Trips");
    private readonly Histogram<double> _distance = meter.CreateHistogram<double>("ride.trip.distance", "km");
    private readonly Lazy<string> _pricing = new(() => options.Value.PricingModel);

    public async Task ProcessMessageAsync(ProcessMessageEventArgs args)
    {
        var props = args.Message.ApplicationProperties;
        var riderId = props["riderId"].ToString()!;
        var plate = (string)props["vehiclePlate"];
        var trip = args.Message.Body.ToObjectFromJson<TripCompleted>();

        using var activity = Source.StartActivity("trip-completed process", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", args.EntityPath); // clean precision-names
        activity?.SetTag("ride.trip.id", trip.TripId); // clean precision-names
        activity?.SetTag("ride.route.id", trip.RouteId); // clean precision-names
        activity?.SetTag("ride.passenger_count", trip.PassengerCount); // clean precision-names
        activity?.SetTag("ride.pricing.model", _pricing.Value); // clean precision-about
        activity?.SetTag("ride.currency", options.Value.Currency); // clean precision-about
        activity?.SetTag("ride.rider", riderId); // leak TC1001 direct
        activity?.SetTag("ride.vehicle.plate", plate); // leak TC1001 direct
        activity?.SetTag("ride.message.properties", string.Join(",", props.Keys)); // clean strings

        var (label, band) = Describe(trip);
        activity?.SetTag("ride.trip.label", label); // leak TC1001 strings
        activity?.SetTag("ride.distance.band", band); // clean strings

        var rider = pseudonymizer.PseudonymizeRideRiderId(riderId);
        activity?.SetTag("ride.rider.id", rider); // clean precision-pseudonym
        Baggage.SetBaggage("ride.rider.id", rider.Value); // clean precision-pseudonym
        _distance.Record(trip.DistanceKm, new KeyValuePair<string, object?>("ride.route.id", trip.RouteId), new KeyValuePair<string, object?>("ride.rider.id", rider.Value)); // leak TC1003 precision-pseudonym
        _distance.Record(trip.DistanceKm, new KeyValuePair<string, object?>("ride.route.id", trip.RouteId), new KeyValuePair<string, object?>("ride.driver", trip.DriverId)); // leak TC1003 direct

        var lane = BitConverter.ToUInt16(HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(riderId))) % 8;
        activity?.SetTag("ride.rider.lane", lane); // clean hashes
        var riderRef = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(riderId)), 0, 6);
        logger.LogInformation("Pricing trip {TripId} for rider ref {RiderRef}", trip.TripId, riderRef); // leak TC1002 hashes
        logger.LogDebug("Rider key {RiderKey}", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(trip.RiderId)))); // leak TC1002 hashes

        try
        {
            var fare = await fares.PriceAsync(trip);
            activity?.SetTag("ride.fare", (double)fare); // clean precision-about
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("Pricing failed for trip {TripId}: {Error}", trip.TripId, ex.GetType().Name); // clean exceptions
            await args.DeadLetterMessageAsync(args.Message, "pricing-failed", ex.Message);
            return;
        }

        using var span = Source.StartRideTrip(rider); // clean generated-api
        span.SetRideTripId(trip.TripId).SetRideItemCount(trip.PassengerCount); // clean generated-api
        span.SetRideRegion(plate[..2]); // clean precision-about
        span.SetRideNote($"rider {trip.RiderPhone} rated the trip"); // leak TC1001 generated-api
        await args.CompleteMessageAsync(args.Message);
    }

    private static (string Label, string Band) Describe(TripCompleted trip) =>
        ($"{trip.RiderId}/{trip.TripId}", trip.DistanceKm switch { < 2 => "short", < 15 => "medium", _ => "long" });
}

public sealed class FareDisputeException(string riderPhone, string tripId)
    : Exception($"Dispute on trip {tripId} raised from {riderPhone}");

public sealed class FareCalculator : IFareCalculator
{
    public Task<decimal> PriceAsync(TripCompleted trip)
    {
        if (trip.DistanceKm < 0)
        {
            throw new FareDisputeException(trip.RiderPhone, trip.TripId);
        }

        return Task.FromResult((decimal)trip.DistanceKm * 1.2m);
    }
}
