namespace PrivacyHoldout175.Transport;

/// <summary>Festival shuttle bookings from the station to the site, on a minimal API.</summary>
public static class FestivalShuttleEndpoints
{
    private static readonly ActivitySource Source = new("Transit.FestivalShuttles");
    private static readonly Meter Meter = new("Transit.FestivalShuttles");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("shuttle.bookings");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/shuttles/bookings", (ShuttleBooking booking, ILogger<ShuttleBooking> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("shuttle.book");
            activity?.SetTag("booking.ref", booking.BookingRef); // clean precision-names
            activity?.SetTag("route", booking.Route); // clean precision-names
            activity?.SetTag("pickup.stop", booking.PickupStop); // clean precision-names
            activity?.SetTag("passenger.name", booking.PassengerName); // leak TC1001 direct
            activity?.SetTag("passenger.mobile", booking.Mobile); // leak TC1001 direct
            activity?.SetTag("passenger.mobile.present", !string.IsNullOrEmpty(booking.Mobile)); // clean precision-about

            logger.LogInformation("Booking {BookingRef} on {Route}", booking.BookingRef, booking.Route); // clean precision-names
            logger.LogInformation("Booking {Booking}", booking); // leak TC1001 logging-objects
            logger.LogInformation("Passenger {Name} boards at {Stop}", booking.PassengerName, booking.PickupStop); // leak TC1001 direct

            var passenger = pseudonymizer.PseudonymizeEventtransitHolderId(booking.Mobile);
            using var span = Source.StartEventtransitOperation(booking.Route).SetEventtransitHolderId(passenger).SetEventtransitEventType("festival"); // clean generated-api
            span.SetEventtransitNote($"Pickup {booking.PickupStop}"); // clean generated-api
            span.SetEventtransitNote($"Pickup {booking.PickupStop} for {booking.Mobile}"); // leak TC1001 generated-api
            Bookings.Add(1, new KeyValuePair<string, object?>("route", booking.Route)); // clean precision-names
            Bookings.Add(1, new KeyValuePair<string, object?>("passenger", passenger)); // leak TC1003 precision-pseudonym
            logger.LogEventtransitOperationFailedEvent(booking.Route, "full", eventtransitHolderId: passenger, eventtransitNote: "Shuttle full"); // clean generated-api
            return booking.BookingRef;
        });

        routes.MapGet("/shuttles/{route}/full", (string route, int hour, ILogger<ShuttleBooking> logger) =>
        {
            var ex = new ShuttleFullException(route, hour);
            logger.LogWarning(ex, "Shuttle full"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return route;
        });
    }
}
