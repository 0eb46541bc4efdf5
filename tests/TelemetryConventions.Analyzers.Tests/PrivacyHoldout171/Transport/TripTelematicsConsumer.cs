using OpenTelemetry;
using System.Text.Json;

namespace PrivacyHoldout171.Transport;

/// <summary>One trip's telemetry as the car sharing platform joins it: the member on the trip and the car.</summary>
public sealed record TripContext(string TripId, string MemberId, string VehicleId, string Zone);

/// <summary>Consumes the telematics topic (keyed by fleet vehicle id) and keeps each open trip's track.</summary>
public sealed class TripTelematicsConsumer(
    IConsumer<string, string> consumer,
    IRenterStore renters,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TripTelematicsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("CityShare.Telematics");
    private static readonly Meter Meter = new("CityShare.Telematics");
    private static readonly Counter<long> Pings = Meter.CreateCounter<long>("cityshare.telematics.pings");
    private static readonly Histogram<double> Speeds = Meter.CreateHistogram<double>("cityshare.telematics.speed", "km/h");

    private readonly Dictionary<string, TripContext> _openTrips = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("telematics.consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.destination.partition.id", result.Partition); // clean precision-about

            var ping = JsonSerializer.Deserialize<TelematicsPing>(result.Message.Value)!;
            Pings.Add(1, new KeyValuePair<string, object?>("vehicle.class", ClassOf(ping.VehicleId))); // clean precision-about
            Speeds.Record(ping.SpeedKph, new KeyValuePair<string, object?>("zone", ZoneOf(ping))); // clean precision-about

            if (!_openTrips.TryGetValue(ping.VehicleId, out var trip))
            {
                logger.LogDebug("Ping from {VehicleId} outside a trip at {Lat:F1},{Lon:F1}", ping.VehicleId, Math.Round(ping.Latitude, 1), Math.Round(ping.Longitude, 1)); // clean precision-about
                consumer.Commit(result);
                continue;
            }

            activity?.SetTag("cityshare.trip.id", trip.TripId); // clean precision-names
            activity?.SetTag("cityshare.member.id", trip.MemberId); // leak TC1001 cross-member
            activity?.SetTag("cityshare.position", $"{ping.Latitude:F5},{ping.Longitude:F5}"); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("trip.ping", tags: new ActivityTagsCollection { ["speed"] = ping.SpeedKph, ["lat"] = Math.Round(ping.Latitude, 1) })); // clean precision-about

            if (ping.SpeedKph > 130)
            {
                var member = await renters.FindAsync(trip.MemberId, stoppingToken);
                logger.LogWarning("Member {Member} exceeded 130 km/h on trip {TripId}", member, trip.TripId); // leak TC1001 logging-objects
                logger.LogWarning("Speeding on trip {TripId}: member {MemberRef}, {Speed} km/h", trip.TripId, pseudonymizer.PseudonymizeCityshareRenterId(trip.MemberId), ping.SpeedKph); // clean precision-pseudonym
                Pings.Add(1, new KeyValuePair<string, object?>("member", pseudonymizer.PseudonymizeCityshareRenterId(trip.MemberId))); // leak TC1003 precision-pseudonym
            }

            activity?.SetTag("cityshare.member.shard", ShardOf(trip.MemberId)); // clean hashes
            consumer.Commit(result);
        }
    }

    public void Open(TripContext trip)
    {
        _openTrips[trip.VehicleId] = trip;
        logger.LogInformation("Trip {Trip} opened", trip); // leak TC1001 logging-objects
        logger.LogInformation("Open trips: {Count}", _openTrips.Count); // clean precision-about
    }

    private int ShardOf(string memberId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(memberId))[0] % 32;
    }

    private static string ClassOf(string vehicleId) => vehicleId.StartsWith("EV", StringComparison.Ordinal) ? "ev" : "compact";

    private static string ZoneOf(TelematicsPing ping) => ping.Latitude > 51.5 ? "north" : "south";
}

/// <summary>Closes a trip when the member ends it in the app and bills the minutes.</summary>
public sealed class TripCloser(IRenterStore renters, Pseudonymizer pseudonymizer, ILogger<TripCloser> logger)
{
    private static readonly ActivitySource Source = new("CityShare.Trips");
    private static readonly Meter Meter = new("CityShare.Trips");
    private readonly CityshareRentalDurationHistogram _duration = Meter.CreateCityshareRentalDurationHistogram();

    public async Task CloseAsync(TripContext trip, TelematicsPing last, TimeSpan length, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("trip.close");
        activity?.SetTag("cityshare.trip.zone", trip.Zone); // clean precision-names
        activity?.SetTag("cityshare.trip.minutes", (int)length.TotalMinutes); // clean precision-about
        activity?.SetTag("cityshare.trip.end", $"{Math.Round(last.Latitude, 1)},{Math.Round(last.Longitude, 1)}"); // clean precision-about
        activity?.SetTag("cityshare.trip.end.exact", string.Concat(last.Latitude.ToString("F5", CultureInfo.InvariantCulture), ",", last.Longitude.ToString("F5", CultureInfo.InvariantCulture))); // leak TC1001 strings
        Baggage.SetBaggage("cityshare.member", trip.MemberId); // leak TC1001 direct

        var member = await renters.FindAsync(trip.MemberId, cancellationToken);
        if (member is null)
        {
            var ex = new RenterNotFoundException(trip.MemberId);
            activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            return;
        }

        logger.LogInformation("Trip closed for member aged {Age}", DateTime.UtcNow.Year - member.DateOfBirth.Year); // clean precision-about
        logger.LogInformation("Trip closed for {Postcode}", member.Postcode); // leak TC1001 direct
        logger.LogInformation("Trip closed in district {District}", member.Postcode.Split(' ')[0]); // clean precision-about
        _duration.Record(length.TotalSeconds, trip.Zone); // clean generated-api
        logger.LogCityshareOperationFailedEvent(trip.Zone, "late-close", pseudonymizer.PseudonymizeCityshareRenterId(member.RenterId), $"Closed late by {member.FullName}"); // leak TC1001 generated-api
    }
}
