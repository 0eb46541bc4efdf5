using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Transport;

public sealed record Tap(string CardNumber, Guid? RiderId, string RouteId, string StopId, string Zone, string VehicleId, DateTimeOffset At, decimal Fare, bool Concession);

public interface ITapStore
{
    Task<IReadOnlyList<Tap>> ForDayAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>The daily ridership summary per route for the network planners.</summary>
public sealed class RouteRidershipSummary(
    ITapStore taps,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<RouteRidershipSummary> logger)
{
    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var all = await taps.ForDayAsync(day, cancellationToken);
        var byRoute = all.ToLookup(t => t.RouteId);
        foreach (var route in byRoute.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            using var summary = source.StartRidesSummaryBuild(route.Key); // clean cross-member
            summary.SetRidesTapsCount(route.Count());

            var busiestStop = route.CountBy(t => t.StopId).MaxBy(kv => kv.Value);
            summary.SetRidesStopId(busiestStop.Key); // clean cross-member
            foreach (var (zone, count) in route.CountBy(t => t.Zone))
            {
                meter.CreateRidesTapsCounter().Add(count, route.Key, zone); // clean cross-member
            }

            var peak = route.GroupBy(t => t.At.Hour).MaxBy(g => g.Count())!;
            summary.SetRidesNote($"peak {peak.Key:00}:00 with {peak.Count()} taps, {route.Select(t => t.VehicleId).Distinct().Count()} vehicles"); // clean generated-api
            logger.LogInformation("Route {Route}: {Taps} taps, {Riders} distinct cards, {Concession:P0} concessions", route.Key, route.Count(), route.Select(t => t.CardNumber).Distinct().Count(), route.Count(t => t.Concession) / (double)route.Count()); // clean precision-about

            var regulars = route.GroupBy(t => t.CardNumber).Where(g => g.Count() >= 4).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
            summary.Activity?.SetTag("rides.regulars", regulars.Count); // clean precision-about
            summary.Activity?.SetTag("rides.regular_cards", string.Join(",", regulars)); // leak TC1001 strings
            logger.LogInformation($"Route {route.Key}: {regulars.Count} regulars, most frequent card {regulars.FirstOrDefault()}"); // leak TC1001 strings
            logger.LogInformation("Route {Route}: regulars made {Share:P0} of taps", route.Key, route.Count(t => regulars.Contains(t.CardNumber)) / (double)route.Count()); // clean precision-about
        }

        var vehicles = all.GroupBy(t => t.VehicleId).Select(g => new { Vehicle = g.Key, Taps = g.Count(), Routes = g.Select(t => t.RouteId).Distinct().Count() }).ToList();
        logger.LogInformation("Vehicles in service {@Vehicles}", vehicles.OrderByDescending(v => v.Taps).Take(10)); // clean logging-objects

        var stopPairs = all
            .GroupBy(t => t.CardNumber)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(t => t.At).ToList();
                return ordered.Zip(ordered.Skip(1), (from, to) => (From: from.StopId, To: to.StopId));
            })
            .CountBy(p => p)
            .OrderByDescending(p => p.Value)
            .Take(5)
            .ToList();
        logger.LogInformation("Commonest stop pairs {Pairs}", stopPairs.Select(p => p.Key)); // clean logging-objects
        Activity.Current?.SetTag("rides.od.top", string.Join(";", stopPairs.Select(p => $"{p.Key.From}>{p.Key.To}:{p.Value}"))); // clean strings

        var journeys = all
            .GroupBy(t => t.CardNumber)
            .Select(g => (Card: g.Key, Stops: g.OrderBy(t => t.At).Select(t => t.StopId).ToArray()))
            .OrderByDescending(j => j.Stops.Length)
            .Take(3)
            .ToList();
        logger.LogDebug("Longest days of travel {Journeys}", journeys.Select(j => new { j.Card, Path = string.Join(">", j.Stops) })); // leak TC1001 logging-objects
        logger.LogDebug("Longest days of travel {Paths}", journeys.Select(j => string.Join(">", j.Stops))); // clean logging-objects
        Activity.Current?.SetTag("rides.longest_day.card", journeys.FirstOrDefault().Card); // leak TC1001 cross-member
        Activity.Current?.SetTag("rides.longest_day.taps", journeys.FirstOrDefault().Stops?.Length ?? 0);

        var riderAccounts = all.Where(t => t.RiderId is not null).Select(t => t.RiderId!.Value).Distinct().ToList();
        Activity.Current?.SetTag("rides.registered_riders", riderAccounts.Count);
        Activity.Current?.SetTag("rides.registered_riders.refs", riderAccounts.Take(20).Select(r => pseudonymizer.ComputeRidesRiderId(r.ToString())).ToArray()); // clean precision-pseudonym
        Activity.Current?.SetTag("rides.registered_riders.sample", riderAccounts.ElementAtOrDefault(0).ToString()); // leak TC1001 direct

        var riderZones = all.Where(t => t.RiderId is not null).GroupBy(t => t.Zone).ToDictionary(g => g.Key, g => g.Select(t => t.RiderId).Distinct().Count());
        logger.LogInformation("Registered riders per zone {RiderZones}", riderZones); // clean precision-names
    }
}
