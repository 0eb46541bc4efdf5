using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout33.Transport;

/// <summary>A booking on the demand-responsive minibus service, made in the rider's app.</summary>
public sealed record TripRequest(Guid RiderId, string RiderEmail, GeoPoint Pickup, GeoPoint Dropoff, string PickupText, int Passengers);

/// <summary>A minibus of the operator's fleet.</summary>
public sealed record Minibus(string VehicleId, string FleetNumber, GeoPoint Position, int FreeSeats, string ServiceArea);

public sealed record TripOffer(string TripId, string VehicleId, TimeSpan PickupEta, double TripKm, decimal Fare);

public interface IFleetState
{
    IReadOnlyList<Minibus> InArea(string serviceArea);
}

public interface IServiceAreas
{
    string? AreaOf(GeoPoint point);
}

public sealed class RiderTripService(
    IFleetState fleet,
    IServiceAreas areas,
    ILogger<RiderTripService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Drt.Booking");
    private readonly Histogram<double> _pickupEta = meter.CreateHistogram<double>("drt.pickup_eta", "s");
    private readonly Counter<long> _requests = meter.CreateCounter<long>("drt.requests", "{request}");
    private readonly Dictionary<Guid, (GeoPoint Pickup, TripOffer Offer)> _open = new();

    public TripOffer? Request(TripRequest request)
    {
        using var activity = Source.StartActivity("trip.request");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RiderId"] = request.RiderId, ["Passengers"] = request.Passengers }); // leak TC1001 direct
        activity?.SetTag("rider.ref", pseudonymizer.ComputeGeoSubjectId(request.RiderId.ToString())); // clean precision-pseudonym
        activity?.SetTag("trip.pickup", request.Pickup.ToLatLng()); // leak TC1001 direct
        activity?.SetTag("trip.dropoff", $"{request.Dropoff.Latitude:F4},{request.Dropoff.Longitude:F4}"); // leak TC1001 strings
        activity?.SetTag("trip.pickup.area", request.Pickup.Round(1).ToLatLng(1)); // clean precision-about
        activity?.SetTag("trip.pickup_text", request.PickupText); // leak TC1001 direct
        activity?.SetTag("trip.straight_line_km", Math.Round(GeoMath.HaversineMetres(request.Pickup, request.Dropoff) / 1000, 1)); // clean precision-about

        var area = areas.AreaOf(request.Pickup);
        if (area is null)
        {
            logger.LogInformation("Pickup outside the service area: {Request}", request); // leak TC1001 logging-objects
            _requests.Add(1, new KeyValuePair<string, object?>("outcome", "outside-area"));
            return null;
        }

        var bus = fleet.InArea(area).Where(b => b.FreeSeats >= request.Passengers).MinBy(b => GeoMath.HaversineMetres(b.Position, request.Pickup));
        if (bus is null)
        {
            _requests.Add(1, new KeyValuePair<string, object?>("outcome", "no-vehicle"), new KeyValuePair<string, object?>("service_area", area)); // clean precision-about
            return null;
        }

        var eta = GeoMath.Eta(GeoMath.HaversineMetres(bus.Position, request.Pickup) * 1.3, 30);
        activity?.SetTag("vehicle.id", bus.VehicleId);
        activity?.SetTag("vehicle.position", bus.Position.ToLatLng()); // clean direct
        _pickupEta.Record(eta.TotalSeconds, new KeyValuePair<string, object?>("service_area", area), new KeyValuePair<string, object?>("pickup_cell", H3.ToHex(H3.LatLngToCell(request.Pickup, 9)))); // leak TC1003 direct
        meter.CreateGeoEtaHistogram().Record(eta.TotalSeconds, geoZone: area); // clean generated-api
        var offer = new TripOffer($"T{DateTime.UtcNow:yyMMddHHmmssfff}", bus.VehicleId, eta, Math.Round(GeoMath.HaversineMetres(request.Pickup, request.Dropoff) * 1.3 / 1000, 1), 2.50m);
        logger.LogInformation("Offered {@Offer}", offer); // clean logging-objects
        logger.LogInformation("Offer {TripId} sent to {RiderEmail}", offer.TripId, request.RiderEmail); // leak TC1001 direct
        _open[request.RiderId] = (request.Pickup, offer);
        return offer;
    }

    public void Cancel(Guid riderId, string reason)
    {
        if (_open.Remove(riderId, out var open))
        {
            logger.LogInformation("Trip {TripId} cancelled ({Reason}); pickup was {Pickup}", open.Offer.TripId, reason, open.Pickup.ToLatLng()); // leak TC1001 cross-member
            Activity.Current?.SetTag("trip.cancelled_eta_s", open.Offer.PickupEta.TotalSeconds); // clean cross-member
        }
    }

    /// <summary>Trip receipts carry a compact pickup token that the driver's tablet decodes.</summary>
    public string PickupToken(TripRequest request, TripOffer offer)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offer.TripId}|{request.Pickup.ToLatLng(5)}"));
        Activity.Current?.SetTag("trip.pickup_token", token); // leak TC1001 hashes
        Activity.Current?.SetTag("trip.pickup_token.length", token.Length); // clean precision-about
        return token;
    }
}
