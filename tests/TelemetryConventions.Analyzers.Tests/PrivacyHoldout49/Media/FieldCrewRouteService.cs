using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Media;

public sealed record CrewDay(string RouteId, string InstallerId, string InstallerName, string Depot, IReadOnlyList<RouteStop> Stops);

/// <summary>Optimises each installer's day and reports the routes to the planning dashboard.</summary>
public sealed class FieldCrewRouteService(IRouteOptimiser optimiser, ILogger<FieldCrewRouteService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Media.CrewRoutes");
    private string? _lastInstallerName;

    public void ReportDelay(string routeId, TimeSpan delay)
    {
        using var activity = Source.StartActivity("route.delay");
        activity?.SetTag("route.id", routeId); // clean precision-names
        activity?.SetTag("route.delay_min", delay.TotalMinutes); // clean precision-about
        activity?.SetTag("route.installer", _lastInstallerName); // leak TC1001 cross-member
    }

    public async Task<OptimisedRoute> OptimiseAsync(CrewDay day, CancellationToken cancellationToken)
    {
        using var span = Source.StartFieldVisit("route_plan");
        span.SetFieldStopCount(day.Stops.Count); // clean generated-api
        span.SetFieldRegion(day.Depot); // clean generated-api
        span.SetFieldWorkerId(pseudonymizer.PseudonymizeFieldWorkerId(day.InstallerId)); // clean precision-pseudonym

        try
        {
            _lastInstallerName = day.InstallerName;
            var route = await optimiser.OptimiseAsync(day.Depot, day.Stops, cancellationToken);
            foreach (var late in route.Stops.Where(s => s.WindowEnd < new TimeOnly(8, 0)))
            {
                logger.LogWarning("Stop {JobId} at {Postcode} is outside the working day", late.JobId, late.Postcode); // leak TC1001 direct
            }

            logger.LogInformation("Route {RouteId}: {Stops} stops, {Km:F1} km, drive {Drive}", route.RouteId, route.Stops.Count, route.TotalKm, route.Drive); // clean precision-about
            logger.LogInformation("Route {RouteId} order: {Order}", route.RouteId, string.Join(" > ", route.Stops.Select(s => s.Postcode))); // leak TC1001 strings
            logger.LogInformation("Route {RouteId} jobs: {Jobs}", route.RouteId, string.Join(",", route.Stops.Select(s => s.JobId))); // clean precision-names
            Activity.Current?.SetTag("route.first_window", route.Stops.FirstOrDefault()?.WindowStart.ToString()); // clean precision-about
            Activity.Current?.SetTag("route.installer", day.InstallerName); // leak TC1001 direct
            return route;
        }
        catch (GeocodingException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Geocoder failed for route {RouteId}", day.RouteId); // clean exceptions
            throw;
        }
    }
}
