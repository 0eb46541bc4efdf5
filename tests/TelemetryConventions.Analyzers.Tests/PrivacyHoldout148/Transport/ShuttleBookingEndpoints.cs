namespace PrivacyHoldout148.Transport;

/// <summary>The transit operator's minimal API for match-day shuttle bookings from park-and-ride stops.</summary>
public static class ShuttleBookingEndpoints
{
    private static readonly ActivitySource Source = new("Transit.Shuttles.Bookings");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/shuttles/bookings", BookAsync);

    private static async Task<ActionResult> BookAsync(ShuttleBooking booking, IBookingStore store, IPassengerNotifier notifier, Pseudonymizer pseudonymizer, Meter meter, ILogger<ShuttleBooking> logger)
    {
        using var span = Source.StartShuttleOperation(booking.PickupStop);
        span.SetShuttlePassengerId(pseudonymizer.PseudonymizeShuttlePassengerId(booking.PassengerId)); // clean generated-api
        span.SetShuttleSeatCount(booking.Seats); // clean generated-api
        Activity.Current?.SetTag("shuttle.booking", booking.BookingId); // clean precision-about
        Activity.Current?.SetTag("shuttle.match", booking.MatchId); // clean precision-names
        Activity.Current?.SetTag("shuttle.wheelchair", booking.WheelchairSpace); // clean precision-about
        Activity.Current?.SetTag("shuttle.passenger.mobile", booking.Mobile); // leak TC1001 direct
        Activity.Current?.SetTag("shuttle.passenger.mobile_prefix", booking.Mobile[..3]); // clean precision-about

        if (booking.PassengerId.StartsWith("BAR", StringComparison.Ordinal))
        {
            var barred = new PassengerBarredException(booking.PassengerId);
            span.RecordException(barred, includeMessage: true); // leak TC1001 exceptions
            span.SetShuttleOutcome("barred"); // clean generated-api
            logger.LogShuttleOperationFailedEvent(booking.PickupStop, "barred", shuttlePassengerId: pseudonymizer.PseudonymizeShuttlePassengerId(booking.PassengerId)); // clean generated-api
            return new BadRequestResult(barred.GetType().Name);
        }

        await store.SaveAsync(booking);
        await notifier.TextAsync(booking.Mobile, $"Your shuttle from {booking.PickupStop} is booked");
        logger.LogInformation("Booked {Seats} seats from {Stop} for {MatchId}", booking.Seats, booking.PickupStop, booking.MatchId); // clean precision-about
        logger.LogInformation("Booking confirmation sent to {Email}", booking.PassengerEmail); // leak TC1001 direct
        logger.LogInformation("Booking {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booking {Booking}", new { booking.BookingId, booking.PickupStop, booking.Seats }); // clean logging-objects
        meter.CreateShuttleBoardingsCounter().Add(0, shuttleRoute: booking.PickupStop, shuttleOutcome: "booked"); // clean generated-api
        meter.CreateShuttleBoardingsCounter().Add(0, shuttleRoute: booking.PickupStop, shuttleOutcome: booking.PassengerEmail); // leak TC1003 generated-api
        Activity.Current?.AddBaggage("shuttle.passenger", booking.PassengerId); // leak TC1001 direct
        Activity.Current?.AddBaggage("shuttle.passenger", pseudonymizer.ComputeShuttlePassengerId(booking.PassengerId)); // clean precision-pseudonym
        return new OkResult(booking.BookingId);
    }
}
