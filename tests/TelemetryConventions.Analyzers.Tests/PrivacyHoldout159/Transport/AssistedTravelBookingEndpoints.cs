namespace PrivacyHoldout159.Transport;

// Books accessible minibuses to take electors with a blue badge to their polling station.
public static class AssistedTravelBookingEndpoints
{
    private static readonly ActivitySource Source = new("Council.PollTransport");
    private static readonly Counter<long> Bookings = new Meter("Council.PollTransport").CreateCounter<long>("polltransport.bookings");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/assisted-travel", Book);

    private static ActionResult Book(AssistedTravel booking, string ward, ILogger<AssistedTravel> logger, Pseudonymizer pseudonymizer)
    {
        using var span = Source.StartPolltransportOperation(ward);
        span.SetPolltransportElectorId(pseudonymizer.PseudonymizePolltransportElectorId(booking.ElectorNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("polltransport.booking.id", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("polltransport.station", booking.Station); // clean precision-about
        Activity.Current?.SetTag("polltransport.blue_badge", booking.BlueBadgeNumber); // leak TC1001 direct
        Activity.Current?.SetTag("polltransport.blue_badge.last4", booking.BlueBadgeNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("polltransport.pickup", booking.PickupAddress); // leak TC1001 direct
        Bookings.Add(1, new KeyValuePair<string, object?>("station", booking.Station)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("badge", booking.BlueBadgeNumber)); // leak TC1003 direct
        logger.LogInformation("Assisted travel {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Assisted travel booked to {Station} for elector {Elector}", booking.Station, pseudonymizer.ComputePolltransportElectorId(booking.ElectorNumber)); // clean precision-pseudonym

        if (booking.BlueBadgeNumber.EndsWith("X", StringComparison.Ordinal))
        {
            var expired = new BadgeExpiredException(booking.BlueBadgeNumber);
            logger.LogWarning("Badge check failed: {Reason}", expired.Message); // leak TC1001 exceptions
            logger.LogPolltransportOperationFailedEvent(ward, "badge_expired", polltransportNote: expired.Message); // leak TC1001 generated-api
            span.RecordException(expired); // clean exceptions
            return new BadRequestResult("badge expired");
        }

        span.SetPolltransportNote($"pick-up at {booking.PickupAddress}"); // leak TC1001 generated-api
        span.SetPolltransportOutcome("booked"); // clean generated-api
        return new OkResult(booking.BookingId);
    }
}
