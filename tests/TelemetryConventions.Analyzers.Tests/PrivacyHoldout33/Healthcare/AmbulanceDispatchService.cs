using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout33.Support.Geo;

namespace PrivacyHoldout33.Healthcare;

/// <summary>An Advanced Mobile Location fix, sent by the caller's handset when they dial 999.</summary>
public sealed record AmlFix(string CallerNumber, double Latitude, double Longitude, double AccuracyMetres, DateTimeOffset FixedAt, string PositioningMethod);

public sealed record Station(string StationId, string Name, GeoPoint Position);

/// <summary>An AVL ping from an ambulance of the trust's fleet.</summary>
public sealed record VehiclePosition(string CallSign, GeoPoint Position, double SpeedKph, string Status, DateTimeOffset At);

public sealed record DispatchIncident(string IncidentId, string Category, GeoPoint Scene, string SceneAddress, string CallerNumber);

public interface IStationDirectory
{
    IReadOnlyList<Station> Nearest(GeoPoint point, int count);
}

public interface IFleetBoard
{
    IReadOnlyList<VehiclePosition> Available();

    void Update(VehiclePosition position);
}

public sealed class NoCoverageException(string message) : Exception(message);

public sealed class AmbulanceDispatchService(
    IGeocoder geocoder,
    IStationDirectory stations,
    IFleetBoard fleet,
    ILogger<AmbulanceDispatchService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Ambulance.Dispatch");
    private readonly Counter<long> _incidents = meter.CreateCounter<long>("dispatch.incidents", "{incident}");
    private readonly Histogram<double> _eta = meter.CreateHistogram<double>("dispatch.eta", "s");

    public async Task<DispatchIncident> OpenAsync(AmlFix fix, string category, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("incident.open");
        var scene = new GeoPoint(fix.Latitude, fix.Longitude);
        activity?.SetTag("incident.category", category);
        activity?.SetTag("incident.scene", scene.ToLatLng()); // leak TC1001 direct
        activity?.SetTag("incident.scene.accuracy_m", fix.AccuracyMetres); // clean precision-about
        activity?.SetTag("incident.scene.area", scene.Round(1).ToLatLng(1)); // clean precision-about
        activity?.SetTag("incident.positioning", fix.PositioningMethod);

        logger.LogInformation("AML fix from caller {CallerNumber} accurate to {Accuracy} m", fix.CallerNumber, fix.AccuracyMetres); // leak TC1001 direct

        var address = await geocoder.ReverseAsync(scene, cancellationToken);
        logger.LogDebug("Reverse geocoded the scene to {@Address}", address); // leak TC1001 logging-objects
        var sceneAddress = address is null ? "unresolved" : $"{address.HouseNumber} {address.Street}, {address.Locality} {address.Postcode}";
        activity?.SetTag("incident.scene.address", sceneAddress); // leak TC1001 strings
        activity?.SetTag("incident.scene.district", address?.OutwardCode); // clean precision-about

        var incident = new DispatchIncident($"INC-{fix.FixedAt:yyyyMMddHHmmss}-{Random.Shared.Next(1000):D3}", category, scene, sceneAddress, fix.CallerNumber);
        _incidents.Add(1, new KeyValuePair<string, object?>("incident.category", category), new KeyValuePair<string, object?>("incident.cell", H3.ToHex(H3.LatLngToCell(scene, 6)))); // clean precision-about
        logger.LogInformation("Opened {Incident}", incident); // leak TC1001 logging-objects
        return incident;
    }

    public VehiclePosition? TryAssign(DispatchIncident incident)
    {
        try
        {
            return Assign(incident);
        }
        catch (NoCoverageException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError("Dispatch of {IncidentId} failed: {ErrorType}", incident.IncidentId, ex.GetType().Name); // clean exceptions
            return null;
        }
    }

    /// <summary>Cover planning follows the vehicles that are free: standing by or driving back.</summary>
    public void OnAvlPing(VehiclePosition ping)
    {
        if (ping.Status is not ("standby" or "returning"))
        {
            return;
        }
        fleet.Update(ping);
        Activity.Current?.AddEvent(new ActivityEvent("avl.ping", tags: new ActivityTagsCollection { ["vehicle.call_sign"] = ping.CallSign, ["vehicle.position"] = ping.Position.ToLatLng(), ["vehicle.status"] = ping.Status })); // clean direct
    }

    private VehiclePosition Assign(DispatchIncident incident)
    {
        using var activity = Source.StartActivity("incident.assign");
        var candidates = fleet.Available()
            .Select(v => (Vehicle: v, Metres: GeoMath.HaversineMetres(v.Position, incident.Scene)))
            .Where(c => c.Metres < 40_000)
            .OrderBy(c => c.Metres)
            .ToList();
        if (candidates.Count == 0)
        {
            var nearest = stations.Nearest(incident.Scene, 1);
            throw new NoCoverageException($"No crew within 40 km of {incident.SceneAddress}; nearest station {nearest[0].Name}");
        }

        var (vehicle, metres) = candidates[0];
        var eta = GeoMath.Eta(metres, Math.Max(vehicle.SpeedKph, 48));
        activity?.SetTag("vehicle.call_sign", vehicle.CallSign);
        activity?.SetTag("vehicle.position", vehicle.Position.ToLatLng()); // clean direct
        activity?.SetTag("dispatch.distance_m", Math.Round(metres)); // clean precision-about
        _eta.Record(eta.TotalSeconds, new KeyValuePair<string, object?>("incident.category", incident.Category), new KeyValuePair<string, object?>("vehicle.call_sign", vehicle.CallSign)); // clean precision-about
        logger.LogInformation("Assigned {@Vehicle} to incident {IncidentId}", vehicle, incident.IncidentId); // clean logging-objects
        logger.LogInformation($"Crew {vehicle.CallSign} assigned to {incident.IncidentId}, {Math.Round(metres / 1000, 1)} km out"); // clean strings
        return vehicle;
    }
}
