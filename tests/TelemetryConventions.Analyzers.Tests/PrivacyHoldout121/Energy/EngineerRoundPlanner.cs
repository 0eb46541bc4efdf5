namespace PrivacyHoldout121.Energy;

/// <summary>A metering engineer's day: installs and exchanges at households, in order.</summary>
public sealed class EngineerRoundPlanner(Pseudonymizer pseudonymizer, DeliveryOptions options, ILogger<EngineerRoundPlanner> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Field.Rounds");
    private static readonly Meter Meter = new("Supplier.Field.Rounds");
    private static readonly Histogram<int> StopsPerRound = Meter.CreateHistogram<int>("kitship.round.stops");
    private static readonly Counter<long> OffSiteScans = Meter.CreateCounter<long>("kitship.scans.off_site");

    public void Publish(DriverRoute round)
    {
        using var span = Source.StartKitshipDelivery(round.RouteId, "fleet")
            .SetKitshipRouteId(round.RouteId) // clean precision-names
            .SetKitshipStopCount(round.Stops.Count) // clean precision-about
            .SetKitshipDriverId(pseudonymizer.PseudonymizeKitshipDriverId(round.DriverStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("round.depot", round.Depot); // clean precision-names
        span.Activity?.SetTag("round.van", round.VanRegistration); // clean precision-names
        span.Activity?.SetTag("round.engineer", round.DriverName); // leak TC1001 direct
        StopsPerRound.Record(round.Stops.Count, new KeyValuePair<string, object?>("round.depot", round.Depot)); // clean precision-names
        StopsPerRound.Record(round.Stops.Count, new KeyValuePair<string, object?>("round.engineer", pseudonymizer.ComputeKitshipDriverId(round.DriverStaffNumber))); // leak TC1003 precision-pseudonym

        logger.LogInformation("Round {RouteId} for {Date}: {Stops}", round.RouteId, round.Date, round.Stops); // leak TC1001 logging-objects
        logger.LogInformation("Round {RouteId} published for engineer {StaffNumber}", round.RouteId, round.DriverStaffNumber); // leak TC1001 direct
        foreach (var stop in round.Stops)
        {
            logger.LogDebug("Stop {Sequence}: {Stop}", stop.Sequence, stop); // leak TC1001 logging-objects
            logger.LogDebug("Stop {Sequence} in {District} between {From:t} and {To:t}", stop.Sequence, Postcodes.District(stop.Address.Postcode), stop.Window.From, stop.Window.To); // clean precision-about
        }
        span.Activity?.SetTag("round.first_stop", $"{round.Stops[0].Position.Latitude:F5},{round.Stops[0].Position.Longitude:F5}"); // leak TC1001 strings
        span.Activity?.SetTag("round.centroid", $"{round.Stops.Average(s => s.Position.Latitude):F1},{round.Stops.Average(s => s.Position.Longitude):F1}"); // clean strings
    }

    public void OnJobScanned(DriverRoute round, RouteStop stop, GeoPoint scannedAt)
    {
        var metres = Geo.Metres(stop.Position, scannedAt);
        Activity.Current?.SetTag("job.scan.distance_m", Math.Round(metres, -1)); // clean precision-about
        if (metres > options.GeofenceMetres)
        {
            var ex = new GeofenceMismatchException(stop.Position, scannedAt, metres);
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Job {ShipmentId} scanned {Metres:F0} m off site: {Reason}", stop.ShipmentId, ex.Metres, ex.GetType().Name); // clean exceptions
            OffSiteScans.Add(1, new KeyValuePair<string, object?>("round.id", round.RouteId)); // clean precision-names
        }
    }
}
