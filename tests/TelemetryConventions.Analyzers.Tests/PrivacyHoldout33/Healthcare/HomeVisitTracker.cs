using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout33.Healthcare;

public sealed record HomeVisit(string VisitId, string NhsNumber, string PatientFamilyName, GeoPoint Home, string Postcode, DateTimeOffset PlannedStart, TimeSpan PlannedLength);

/// <summary>A position from the community nurse's phone (a trust-managed handset).</summary>
public sealed record NurseLocation(string StaffNumber, string HandsetAssetTag, GeoPoint Position, double AccuracyMetres, DateTimeOffset At);

public interface IVisitRoster
{
    HomeVisit? Find(string visitId);

    IReadOnlyList<TracePoint> DayTrace(string staffNumber, DateOnly day);
}

public sealed partial class HomeVisitTracker(
    IVisitRoster roster,
    IMapMatcher mapMatcher,
    ILogger<HomeVisitTracker> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Community.HomeVisits");
    private readonly Histogram<double> _checkInDistance = meter.CreateHistogram<double>("home_visit.check_in.distance", "m");
    private readonly ConcurrentDictionary<string, (Geofence Fence, HomeVisit Visit)> _fences = new();

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Nurse {StaffNumber} checked in to visit {VisitId}")]
    private static partial void LogCheckIn(ILogger logger, [PrivateData] string staffNumber, string visitId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Check-in for visit {VisitId} is {DistanceMetres} m from the home, at {Position}")]
    private static partial void LogFarCheckIn(ILogger logger, string visitId, double distanceMetres, string position);

    public void CheckIn(string visitId, NurseLocation location)
    {
        var visit = roster.Find(visitId) ?? throw new KeyNotFoundException($"Visit {visitId} is not on today's roster");
        using var activity = Source.StartActivity("home_visit.check_in");
        var distance = GeoMath.HaversineMetres(location.Position, visit.Home);
        activity?.SetTag("visit.id", visit.VisitId);
        activity?.SetTag("visit.check_in.distance_m", Math.Round(distance)); // clean precision-about
        activity?.SetTag("nurse.staff_number", location.StaffNumber); // leak TC1001 direct
        activity?.SetTag("nurse.handset", location.HandsetAssetTag); // clean precision-names
        activity?.SetTag("nurse.location.accuracy_m", location.AccuracyMetres); // clean precision-names
        LogCheckIn(logger, location.StaffNumber, visit.VisitId); // clean direct
        _checkInDistance.Record(distance, new KeyValuePair<string, object?>("visit.district", visit.Postcode.Split(' ')[0])); // clean precision-about

        if (distance > 250)
        {
            LogFarCheckIn(logger, visit.VisitId, Math.Round(distance), location.Position.ToLatLng()); // leak TC1001 direct
        }

        Activity.Current.EnrichGeoLookup("device-gps").SetGeoSubjectId(pseudonymizer.PseudonymizeGeoSubjectId(visit.NhsNumber)).SetGeoDistance(distance); // clean precision-pseudonym
    }

    public Geofence ArmHomeFence(HomeVisit visit)
    {
        var fence = new Geofence($"home:{visit.NhsNumber}", visit.Home, 80, "home-visit");
        _fences[fence.Id] = (fence, visit);
        logger.LogDebug("Armed geofence {FenceId} with radius {Radius} m", fence.Id, fence.RadiusMetres); // leak TC1001 strings
        logger.LogDebug("Armed a {Kind} fence of {Radius} m for visit {VisitId}", fence.Kind, fence.RadiusMetres, visit.VisitId); // clean precision-about
        return fence;
    }

    public void OnTransition(GeofenceTransition transition)
    {
        if (!_fences.TryGetValue(transition.FenceId, out var armed))
        {
            return;
        }

        logger.LogGeoZoneTransitionEvent(armed.Fence.Kind, geoSubjectId: pseudonymizer.PseudonymizeGeoSubjectId(armed.Visit.NhsNumber), geoNote: $"{transition.Transition} at {transition.At:HH:mm}"); // clean generated-api
        logger.LogGeoZoneTransitionEvent(armed.Fence.Kind, geoNote: $"{transition.Transition} {transition.FenceId}"); // leak TC1001 generated-api

        if (transition.Transition == FenceTransition.Exit)
        {
            var overrun = transition.At - (armed.Visit.PlannedStart + armed.Visit.PlannedLength);
            logger.LogInformation("Visit {VisitId} ended, overrun {OverrunMinutes} min", armed.Visit.VisitId, Math.Round(overrun.TotalMinutes)); // clean precision-about
            if (overrun > TimeSpan.FromMinutes(30))
            {
                logger.LogWarning("Visit overran by more than 30 minutes: {Visit}", armed.Visit); // leak TC1001 logging-objects
            }
            _fences.TryRemove(transition.FenceId, out _);
        }
    }

    /// <summary>Mileage claims: the nurse's day is matched to roads and the distance paid.</summary>
    public async Task<double> MileageAsync(string staffNumber, DateOnly day, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("home_visit.mileage");
        var trace = roster.DayTrace(staffNumber, day);
        var route = await mapMatcher.MatchAsync(trace, "driving", cancellationToken);
        activity?.SetTag("mileage.points", trace.Count); // clean precision-about
        activity?.SetTag("mileage.distance_km", Math.Round(route.DistanceMetres / 1000, 1)); // clean precision-about
        activity?.SetTag("mileage.match_confidence", route.Confidence);
        logger.LogDebug("Matched mileage route {Polyline} for {Day}", route.Polyline, day); // leak TC1001 direct
        return route.DistanceMetres;
    }
}
