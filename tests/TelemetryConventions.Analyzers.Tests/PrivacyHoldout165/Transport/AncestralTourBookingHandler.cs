namespace PrivacyHoldout165.Transport;

/// <summary>A heritage tour operator takes travellers by coach to the parishes their ancestors left.</summary>
public sealed class AncestralTourBookingHandler(
    ITourBookings bookings,
    Pseudonymizer pseudonymizer,
    ILogger<AncestralTourBookingHandler> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Tours.Bookings");
    private readonly Counter<long> _seats = meter.CreateCounter<long>("tours.seats");

    public async Task<CoachSeat?> SeatAsync(string bookingId, string guideStaffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartHeritourOperation("dublin-roots");
        var booking = await bookings.FindAsync(bookingId, cancellationToken);
        if (booking is null)
        {
            return null;
        }

        var traveller = pseudonymizer.PseudonymizeHeritourTravellerId(booking.TravellerProfileId);
        span.SetHeritourTravellerId(traveller); // clean generated-api
        span.Activity?.SetTag("booking.id", booking.BookingId); // clean precision-names
        span.Activity?.SetTag("tour.code", booking.TourCode); // clean precision-names
        span.Activity?.SetTag("tour.parish", booking.AncestralParish); // clean precision-about
        span.Activity?.SetTag("traveller.passport", booking.PassportNumber); // leak TC1001 direct
        span.Activity?.SetTag("traveller.profile", booking.TravellerProfileId); // leak TC1001 direct
        span.Activity?.SetTag("traveller.passport_length", booking.PassportNumber.Length); // clean precision-about
        Activity.Current?.SetBaggage("traveller", traveller.Value); // clean precision-pseudonym
        Activity.Current?.SetBaggage("traveller.name", booking.TravellerName); // leak TC1001 direct
        logger.LogInformation("Seating booking {Booking}", booking); // leak TC1001 logging-objects
        try
        {
            var seat = await bookings.SeatAsync(booking, cancellationToken);
            logger.LogInformation("Seat {Seat}", seat); // clean logging-objects
            span.Activity?.SetTag("seat.location", $"{seat.Coach}-{seat.Seat}"); // clean strings
            span.Activity?.SetTag("seat.manifest_line", $"{seat.Coach}-{seat.Seat} {booking.TravellerName}"); // leak TC1001 strings
            _seats.Add(1, new KeyValuePair<string, object?>("tour", seat.TourCode), new KeyValuePair<string, object?>("coach", seat.Coach)); // clean precision-about
            _seats.Add(1, new KeyValuePair<string, object?>("guide", guideStaffId)); // leak TC1003 direct
            meter.CreateHeritourBookingsCounter().Add(1, "dublin-roots", "seated"); // clean generated-api
            meter.CreateHeritourBookingsCounter().Add(1, "dublin-roots", booking.TravellerProfileId); // leak TC1003 generated-api
            return seat;
        }
        catch (PassportInvalidException ex)
        {
            logger.LogWarning("Passport check failed: {Reason}", ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetHeritourOutcome("passport-invalid"); // clean generated-api
            return null;
        }
        catch (TourFullException ex)
        {
            logger.LogWarning(ex, "Tour full"); // clean exceptions
            span.SetHeritourNote(ex.Message); // clean exceptions
            return null;
        }
    }
}
