namespace PrivacyHoldout121.Transport;

/// <summary>What the handset sends when a driver completes a stop.</summary>
public sealed record StopCompletion(string RouteId, string StaffNumber, int Sequence, string ShipmentId, AttemptOutcome Outcome, GeoPoint ScannedAt, string? SignedName, string? LeftWith);

/// <summary>Takes stop completions from drivers' handsets: checks the geofence, stores the proof of delivery, closes the stop.</summary>
public sealed partial class StopCompletionHandler(
    IRouteStore routes,
    DeliveryOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<StopCompletionHandler> logger)
{
    private static readonly ActivitySource Source = new("Operator.Courier.Stops");
    private static readonly Meter Meter = new("Operator.Courier.Stops");

    public async Task HandleAsync(StopCompletion completion)
    {
        using var span = Source.StartCourierDelivery(completion.ShipmentId, "fleet")
            .SetCourierRouteId(completion.RouteId) // clean precision-names
            .SetCourierOutcome(completion.Outcome.ToString()) // clean generated-api
            .SetCourierDriverId(pseudonymizer.PseudonymizeCourierDriverId(completion.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("courier.stop.sequence", completion.Sequence); // clean precision-names

        var route = await routes.GetAsync(completion.RouteId);
        var stop = route.Stops.SingleOrDefault(s => s.ShipmentId == completion.ShipmentId);
        if (stop is null)
        {
            var ex = new StopNotOnRouteException(completion.ShipmentId, completion.RouteId);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Stop completion rejected"); // clean exceptions
            return;
        }

        var metres = Geo.Metres(stop.Position, completion.ScannedAt);
        span.Activity?.SetTag("courier.stop.distance_m", (int)metres); // clean precision-about
        if (metres > options.GeofenceMetres)
        {
            LogOffSite(logger, completion.ShipmentId, (int)metres, stop.Address.Postcode); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("courier.geofence.miss", tags: new ActivityTagsCollection { ["expected"] = stop.Position, ["actual"] = completion.ScannedAt })); // leak TC1001 logging-objects
        }

        if (completion.Outcome == AttemptOutcome.LeftWithNeighbour)
        {
            logger.LogInformation("Stop {Sequence} left with {LeftWith}", completion.Sequence, completion.LeftWith); // leak TC1001 direct
            span.SetCourierSafePlace(SafePlace.Neighbour.ToString()); // clean generated-api
        }
        else if (completion.Outcome == AttemptOutcome.LeftInSafePlace)
        {
            span.SetCourierSafePlace(stop.Instructions?.Option.ToString() ?? "unknown"); // clean generated-api
            span.SetCourierNote(stop.Instructions?.Note ?? ""); // leak TC1001 generated-api
        }

        LogCompleted(logger, completion.RouteId, completion.Sequence, completion.Outcome); // clean precision-names
        logger.LogInformation("Completion {Completion}", completion); // leak TC1001 logging-objects
        Meter.CreateCourierDeliveriesCounter().Add(1, "fleet", "delivered", completion.Outcome.ToString()); // clean generated-api
        Meter.CreateCourierDeliveryDurationHistogram().Record((DateTimeOffset.UtcNow - stop.Window.From).TotalSeconds, "fleet", stop.Address.Postcode); // leak TC1003 generated-api
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Shipment {ShipmentId} scanned {Metres} m from its stop in {Postcode}")]
    private static partial void LogOffSite(ILogger logger, string shipmentId, int metres, string postcode);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Route {RouteId} stop {Sequence} completed: {Outcome}")]
    private static partial void LogCompleted(ILogger logger, string routeId, int sequence, AttemptOutcome outcome);
}

public interface IRouteStore
{
    Task<DriverRoute> GetAsync(string routeId);
}
