using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Support.Web;
using PrivacyHoldout33.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout33.Education;

/// <summary>A position report of one of the council's school buses.</summary>
public sealed record BusPing(string BusId, string FleetRegistration, string RouteCode, GeoPoint Position, double SpeedKph, DateTimeOffset At);

/// <summary>Where a pupil is picked up: a stop on the route, or their home for assisted transport.</summary>
public sealed record PickupPoint(string StudentNumber, string StopId, GeoPoint Position, bool IsHomePickup);

public sealed record BoardingTap(string StudentNumber, string BusId, string StopId, DateTimeOffset At);

public sealed record GuardianWatch(string ShareId, string GuardianId, string GuardianEmail, string StudentNumber, string BusId);

public interface IPickupPlan
{
    IReadOnlyList<PickupPoint> Remaining(string busId, DateTimeOffset after);
}

public sealed class SchoolTransportTracker(
    IPickupPlan plan,
    IPushSender push,
    ILogger<SchoolTransportTracker> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("SchoolTransport.Tracking");
    private readonly Histogram<double> _stopEta = meter.CreateHistogram<double>("school_transport.stop_eta", "s");
    private readonly Counter<long> _boardings = meter.CreateCounter<long>("school_transport.boardings", "{boarding}");

    public void OnBusPing(BusPing ping)
    {
        using var activity = Source.StartActivity("bus.ping");
        activity?.SetTag("bus.id", ping.BusId);
        activity?.SetTag("bus.registration", ping.FleetRegistration); // clean precision-about
        activity?.SetTag("bus.position", ping.Position.ToLatLng()); // clean direct

        foreach (var pickup in plan.Remaining(ping.BusId, ping.At).Take(3))
        {
            var eta = GeoMath.Eta(GeoMath.HaversineMetres(ping.Position, pickup.Position), Math.Max(ping.SpeedKph, 15));
            _stopEta.Record(eta.TotalSeconds, new KeyValuePair<string, object?>("route.code", ping.RouteCode), new KeyValuePair<string, object?>("pickup.stop_id", pickup.StopId)); // clean precision-names
            activity?.AddEvent(new ActivityEvent("pickup.eta", tags: new ActivityTagsCollection { ["pickup.stop_id"] = pickup.StopId, ["pickup.position"] = pickup.IsHomePickup ? pickup.Position.Round(1).ToLatLng(1) : pickup.Position.ToLatLng(), ["pickup.eta_s"] = eta.TotalSeconds })); // clean precision-about
            if (pickup.IsHomePickup && eta < TimeSpan.FromMinutes(5))
            {
                logger.LogInformation("Assisted pickup for {StudentNumber} due at {Position} in {Eta}", pickup.StudentNumber, pickup.Position, eta); // leak TC1001 direct
            }
        }
    }

    public void OnBoarding(BoardingTap tap)
    {
        _boardings.Add(1, new KeyValuePair<string, object?>("bus.id", tap.BusId), new KeyValuePair<string, object?>("student", tap.StudentNumber)); // leak TC1003 direct
        Activity.Current?.SetTag("boarding.stop_id", tap.StopId);
        logger.LogInformation($"Bus {tap.BusId} boarded by {tap.StudentNumber} at stop {tap.StopId}"); // leak TC1001 strings
        Activity.Current?.SetTag("boarding.student_ref", pseudonymizer.ComputeGeoSubjectId(tap.StudentNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("student.number", tap.StudentNumber); // leak TC1001 direct
    }

    public void StartGuardianWatch(GuardianWatch watch, TimeSpan duration)
    {
        using var share = Source.StartShareSession(watch.ShareId).SetShareViewerId(pseudonymizer.PseudonymizeShareViewerId(watch.GuardianId)).SetShareKind("guardian").SetShareDuration(duration.TotalSeconds); // clean precision-pseudonym
        Activity.Current?.SetTag(ShareAttributes.OwnerContact, watch.GuardianEmail); // leak TC1001 generated-api
        logger.LogInformation("Guardian {GuardianId} is watching bus {BusId}", watch.GuardianId, watch.BusId); // leak TC1001 direct
        push.Send(watch.GuardianEmail, "Bus tracking on", $"You can follow bus {watch.BusId} for {duration.TotalMinutes:F0} minutes.");
        meter.CreateShareActiveUpDownCounter().Add(1, shareKind: "guardian"); // clean generated-api
    }
}
