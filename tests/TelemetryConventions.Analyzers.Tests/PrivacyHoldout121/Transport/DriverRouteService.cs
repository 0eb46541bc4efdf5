namespace PrivacyHoldout121.Transport;

/// <summary>A handset's request for the day's route.</summary>
public sealed record RouteRequest(string StaffNumber, string Depot, DateOnly Date, string HandsetId);

/// <summary>Serves drivers' routes to their handsets and takes back their positions through the day.</summary>
public sealed class DriverRouteService(IRoutePlanner planner, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DriverRouteService> logger)
{
    private static readonly ActivitySource Source = new("Operator.Courier.Routes");
    private static readonly Meter Meter = new("Operator.Courier.Routes");
    private static readonly Histogram<int> RouteStops = Meter.CreateHistogram<int>("courier.route.stops");
    private static readonly Counter<long> Pings = Meter.CreateCounter<long>("courier.driver.pings");

    public async Task<DriverRoute?> GetRouteAsync(RouteRequest request)
    {
        using var span = Source.StartCourierDelivery($"route-{request.Depot}-{request.Date:yyyyMMdd}", "fleet")
            .SetCourierDriverId(pseudonymizer.PseudonymizeCourierDriverId(request.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("courier.depot", request.Depot); // clean precision-names
        span.Activity?.SetTag("courier.handset_id", request.HandsetId); // clean precision-names

        DriverRoute route;
        try
        {
            route = await planner.RouteForAsync(request.StaffNumber, request.Date);
        }
        catch (DriverNotSignedInException ex)
        {
            span.RecordException(ex, "driver not signed in", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Route refused: {Error}", ex.GetType().Name); // clean exceptions
            return null;
        }

        span.SetCourierRouteId(route.RouteId).SetCourierStopCount(route.Stops.Count); // clean precision-names
        span.Activity?.SetTag("courier.van", route.VanRegistration); // clean precision-names
        span.Activity?.SetTag("courier.driver.name", route.DriverName); // leak TC1001 cross-member
        span.SetCourierNote($"route {route.RouteId} for {route.DriverName}"); // leak TC1001 generated-api
        RouteStops.Record(route.Stops.Count, new KeyValuePair<string, object?>("courier.depot", route.Depot)); // clean precision-names
        RouteStops.Record(route.Stops.Count, new KeyValuePair<string, object?>("courier.driver", request.StaffNumber)); // leak TC1003 direct
        logger.LogInformation("Route {RouteId} sent to handset {HandsetId} with {Stops} stops", route.RouteId, request.HandsetId, route.Stops.Count); // clean precision-names
        logger.LogInformation("Route {RouteId} addresses {Addresses}", route.RouteId, string.Join(" | ", route.Stops.Select(s => s.Address.OneLine))); // leak TC1001 strings
        logger.LogInformation("Route {RouteId} districts {Districts}", route.RouteId, string.Join(",", route.Stops.Select(s => Postcodes.District(s.Address.Postcode)).Distinct())); // clean strings
        return route;
    }

    public void Ping(string staffNumber, string routeId, GeoPoint position, double speedKmh)
    {
        Pings.Add(1, new KeyValuePair<string, object?>("courier.route", routeId)); // clean precision-names
        Activity.Current?.SetTag("courier.position", $"{position.Latitude:F5},{position.Longitude:F5}"); // leak TC1001 strings
        Activity.Current?.SetTag("courier.position.coarse", position.Rounded(1).ToString()); // clean precision-about
        Activity.Current?.SetTag("courier.speed_kmh", speedKmh); // clean precision-about
        Activity.Current?.SetTag("courier.driver.bucket", SHA256.HashData(Encoding.UTF8.GetBytes(staffNumber))[0]); // leak TC1002 hashes
        Activity.Current?.SetTag("courier.driver.shard", KeyedShard.Of(secrets.ShardKey, staffNumber, 8)); // clean hashes
        logger.LogDebug("Ping from {Driver} at {Position}", pseudonymizer.ComputeCourierDriverId(staffNumber), position); // leak TC1001 logging-objects
    }
}

public interface IRoutePlanner
{
    Task<DriverRoute> RouteForAsync(string staffNumber, DateOnly date);
}
