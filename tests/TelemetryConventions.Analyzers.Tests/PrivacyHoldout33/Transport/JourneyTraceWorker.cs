using System;
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

namespace PrivacyHoldout33.Transport;

/// <summary>The AVL trace of a bus on one trip of its route.</summary>
public sealed record BusTrace(string VehicleId, string RouteId, string TripId, IReadOnlyList<TracePoint> Points);

/// <summary>A rider's phone trace, sent by the app for account-based ticketing ("be-in, be-out").</summary>
public sealed record RiderTrace(Guid RiderId, string TravelCardNumber, IReadOnlyList<TracePoint> Points);

public sealed class TraceRejectedException(string message) : Exception(message);

public sealed class JourneyTraceWorker(
    IMapMatcher mapMatcher,
    ILogger<JourneyTraceWorker> logger,
    Meter meter,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Traces");
    private readonly Counter<long> _matched = meter.CreateCounter<long>("traces.matched", "{trace}");
    private readonly Queue<object> _pending = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && _pending.TryDequeue(out var item))
        {
            switch (item)
            {
                case BusTrace bus:
                    await MatchBusAsync(bus, stoppingToken);
                    break;
                case RiderTrace rider:
                    await MatchRiderAsync(rider, stoppingToken);
                    break;
            }
        }
    }

    public void Enqueue(object trace) => _pending.Enqueue(trace);

    private async Task MatchBusAsync(BusTrace trace, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("trace.match_bus");
        var route = await mapMatcher.MatchAsync(trace.Points, "bus", cancellationToken);
        activity?.SetTag("route.id", trace.RouteId);
        activity?.SetTag("trip.id", trace.TripId);
        activity?.SetTag("trace.polyline", route.Polyline); // clean direct
        activity?.SetTag("trace.way_ids", string.Join(",", route.WayIds.Take(50))); // clean precision-about
        _matched.Add(1, new KeyValuePair<string, object?>("kind", "bus"), new KeyValuePair<string, object?>("route.id", trace.RouteId)); // clean precision-about
    }

    private async Task MatchRiderAsync(RiderTrace trace, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("trace.match_rider");
        activity?.SetTag("trace.points", trace.Points.Count); // clean precision-about
        activity?.SetTag("trace.card_last4", trace.TravelCardNumber[^4..]); // clean precision-about
        try
        {
            if (trace.Points.Count < 3)
            {
                throw new TraceRejectedException($"Trace of card {trace.TravelCardNumber} has {trace.Points.Count} points");
            }
            var route = await mapMatcher.MatchAsync(trace.Points, "bus", cancellationToken);
            activity?.SetTag("trace.match_confidence", route.Confidence); // clean precision-about
            activity?.SetTag("trace.polyline", route.Polyline); // leak TC1001 direct
            activity?.SetTag("trace.start", trace.Points[0].Point.ToLatLng()); // leak TC1001 direct
            var end = trace.Points[^1].Point;
            activity?.SetTag("trace.end_cell", H3.ToHex(H3.LatLngToCell(end, 7))); // clean precision-about
            Activity.Current.EnrichGeoLookup("osrm").SetGeoSubjectId(pseudonymizer.PseudonymizeGeoSubjectId(trace.RiderId.ToString())).SetGeoDistance(route.DistanceMetres); // clean precision-pseudonym
            Activity.Current?.SetTag(GeoAttributes.SubjectLocation, end.ToLatLng()); // leak TC1001 generated-api
            Activity.Current?.SetBaggage("rider.id", trace.RiderId.ToString()); // leak TC1001 direct
            _matched.Add(1, new KeyValuePair<string, object?>("kind", "rider"), new KeyValuePair<string, object?>("rider", pseudonymizer.ComputeGeoSubjectId(trace.RiderId.ToString()))); // leak TC1003 precision-pseudonym
        }
        catch (TraceRejectedException ex)
        {
            logger.LogWarning(ex, "Rider trace rejected"); // leak TC1001 exceptions
        }
        catch (MapMatchingException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Could not match the trace of {Card}", trace.TravelCardNumber); // leak TC1001 direct
        }
    }
}
