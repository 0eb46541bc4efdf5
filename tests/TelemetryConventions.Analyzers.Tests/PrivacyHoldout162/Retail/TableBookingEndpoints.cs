namespace PrivacyHoldout162.Retail;

public static class TableBookingEndpoints
{
    private static readonly ActivitySource Source = new("Takeaway.Bookings");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/bookings", HoldAsync);
        routes.MapGet("/bookings/slots", Slots);
    }

    private static async Task<ActionResult> HoldAsync(TableBooking booking, IBookingBook book, Pseudonymizer pseudonymizer, ILoggerFactory loggers, Meter meter, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Bookings");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["BookingRef"] = booking.BookingRef, ["RestaurantId"] = booking.RestaurantId }); // clean logging-objects
        using var guestScope = logger.BeginScope("Guest {GuestName}", booking.GuestName); // leak TC1001 logging-objects
        using var activity = Source.StartActivity("booking.hold");
        activity?.SetTag("booking.covers", booking.Covers); // clean precision-about
        activity?.SetTag("booking.guest.phone", booking.GuestPhone); // leak TC1001 direct
        activity?.SetTag("booking.guest.phone.present", !string.IsNullOrEmpty(booking.GuestPhone)); // clean precision-about
        activity?.SetTag("booking.guest", pseudonymizer.PseudonymizeTakeawayCustomerId(booking.GuestEmail)); // clean precision-pseudonym
        activity?.SetTag(TakeawayAttributes.Contact, booking.GuestEmail); // leak TC1001 generated-api
        activity?.AddEvent(new ActivityEvent("booking.requested", tags: new ActivityTagsCollection { ["booking.requests"] = booking.Requests })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("booking.slot", tags: new ActivityTagsCollection { ["booking.at"] = booking.At.ToString("O") })); // clean precision-about
        Baggage.SetBaggage("booking.ref", booking.BookingRef); // clean precision-names
        Baggage.SetBaggage("booking.guest.email", booking.GuestEmail); // leak TC1001 direct

        try
        {
            var table = await book.HoldAsync(booking, cancellationToken);
            activity?.SetTag("booking.table", table); // clean precision-names
            meter.CreateTakeawayPrepDurationHistogram().Record(0.2, booking.RestaurantId); // clean generated-api
            return new OkResult(table);
        }
        catch (BookingConflictException ex)
        {
            logger.LogTakeawayOperationFailedEvent(booking.RestaurantId, "conflict", takeawayNote: ex.Message); // leak TC1001 generated-api
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return new BadRequestResult("conflict");
        }
        catch (NoTablesException ex)
        {
            logger.LogTakeawayOperationFailedEvent(booking.RestaurantId, "full", takeawayNote: ex.Message); // clean generated-api
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return new BadRequestResult("full");
        }
    }

    private static ActionResult Slots(string restaurantId, ILoggerFactory loggers)
    {
        var slot = new BookingSlot(restaurantId, DateTimeOffset.UtcNow.AddHours(2), 4);
        loggers.CreateLogger("Bookings").LogInformation("Offered {@Slot}", slot); // clean logging-objects
        return new OkResult(slot);
    }
}
