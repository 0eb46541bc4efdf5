namespace PrivacyHoldout137.Transport;

/// <summary>A stop on an engineer's day: the appointment and where it is.</summary>
public sealed record RouteStop(string AppointmentId, string AccountNumber, string Postcode, double Latitude, double Longitude, TimeOnly WindowStart, TimeOnly WindowEnd);

/// <summary>A van's planned day: the van, the depot, the engineer and the stops.</summary>
public sealed record VanRoute(string VanId, string Depot, string EngineerStaffNumber, IReadOnlyList<RouteStop> Stops, double PlannedKm);

public sealed class InfeasibleRouteException(string vanId, int stops, double km)
    : Exception($"Van {vanId} cannot reach {stops} stops within the shift ({km:0.0} km)")
{
    public string VanId { get; } = vanId;
}

public interface IRouteSolver
{
    Task<VanRoute> SolveAsync(string vanId, string depot, string engineerStaffNumber, IReadOnlyList<RouteStop> stops, CancellationToken cancellationToken);
}

/// <summary>
/// Plans the smart meter install vans' days overnight: orders the booked appointments of each patch into
/// routes from the depot, within the customers' appointment windows.
/// </summary>
public sealed class InstallVanRoutePlanner(
    IRouteSolver solver,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InstallVanRoutePlanner> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Field.RoutePlanning");
    private static readonly Meter Meter = new("Supplier.Field.RoutePlanning");
    private static readonly Histogram<double> PlannedKm = Meter.CreateHistogram<double>("routes.planned_km", "km");
    private static readonly Histogram<int> StopsPerVan = Meter.CreateHistogram<int>("routes.stops");

    public async Task<VanRoute?> PlanAsync(string vanId, string depot, string engineerStaffNumber, IReadOnlyList<RouteStop> stops, CancellationToken ct)
    {
        using var activity = Source.StartActivity("route.plan");
        activity?.SetTag("route.van", vanId); // clean precision-names
        activity?.SetTag("route.depot", depot); // clean precision-names
        activity?.SetTag("route.stop_count", stops.Count); // clean precision-about
        activity?.SetTag("route.engineer", pseudonymizer.PseudonymizeSmartinstallEngineerId(engineerStaffNumber).Value); // clean precision-pseudonym
        activity?.SetTag("route.engineer_lane", BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(engineerStaffNumber))) % 4); // clean hashes
        activity?.SetTag("route.districts", string.Join(",", stops.Select(s => s.Postcode.Split(' ')[0]).Distinct())); // clean precision-about

        try
        {
            var route = await solver.SolveAsync(vanId, depot, engineerStaffNumber, stops, ct);
            PlannedKm.Record(route.PlannedKm, new KeyValuePair<string, object?>("depot", depot)); // clean precision-names
            StopsPerVan.Record(route.Stops.Count, new KeyValuePair<string, object?>("van", vanId)); // clean precision-names
            StopsPerVan.Record(route.Stops.Count, new KeyValuePair<string, object?>("engineer", engineerStaffNumber)); // leak TC1003 direct
            logger.LogInformation("Route for {VanId}: {Appointments}", vanId, string.Join(" -> ", route.Stops.Select(s => s.AppointmentId))); // clean strings
            logger.LogDebug("Route stops {Stops}", string.Join(" -> ", route.Stops.Select(s => $"{s.Postcode}@{s.WindowStart}"))); // leak TC1001 strings
            logger.LogInformation("Route planned {Route}", route); // leak TC1001 logging-objects
            activity?.AddEvent(new ActivityEvent("route.first_stop", tags: new ActivityTagsCollection { ["lat"] = route.Stops[0].Latitude, ["lon"] = route.Stops[0].Longitude })); // leak TC1001 direct
            return route;
        }
        catch (InfeasibleRouteException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Infeasible route for {VanId}; first account {Account}", ex.VanId, stops[0].AccountNumber); // leak TC1001 direct
            return null;
        }
    }
}
