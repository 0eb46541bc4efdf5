namespace PrivacyHoldout157.Retail;

/// <summary>A booking from the brand's own site. Prints property, room type, rate, dates, adults, the guest's name, email and mobile.</summary>
public sealed record DirectBookingRequest(string PropertyCode, string RoomType, string RateCode, DateOnly Arrival, DateOnly Departure, int Adults, string GuestName, string Email, string Mobile, string? PromoCode);

/// <summary>The direct booking engine of the hotel group.</summary>
[ApiController]
[Route("api/bookings")]
public sealed class DirectBookingController(
    IReservationStore reservations,
    IGuestDirectory guests,
    IGuestMessenger messenger,
    Pseudonymizer pseudonymizer,
    StayOptions options,
    ILogger<DirectBookingController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Stays.DirectBooking");
    private readonly Counter<long> _bookings = meter.CreateCounter<long>("direct.bookings");
    private readonly Histogram<int> _leadDays = meter.CreateHistogram<int>("direct.lead_days");

    [HttpPost("")]
    public async Task<ActionResult> BookAsync([FromBody] DirectBookingRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartHotelbookingOperation(request.PropertyCode);
        var nights = request.Departure.DayNumber - request.Arrival.DayNumber;
        span.SetHotelbookingNightCount(nights); // clean precision-about
        Activity.Current?.SetTag("booking.rate_code", request.RateCode); // clean direct
        Activity.Current?.SetTag("booking.promo_code", request.PromoCode); // clean precision-names
        Activity.Current?.SetTag("booking.guest_email", request.Email); // leak TC1001 direct
        Activity.Current?.SetTag("booking.guest_email_domain", request.Email[(request.Email.LastIndexOf('@') + 1)..]); // clean precision-about
        _leadDays.Record(request.Arrival.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber, new KeyValuePair<string, object?>("property", request.PropertyCode)); // clean direct

        var profile = await guests.FindByEmailAsync(request.Email, cancellationToken);
        if (profile is not null)
        {
            span.SetHotelbookingGuestId(pseudonymizer.PseudonymizeHotelbookingGuestId(profile.ProfileId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("booking.guest.loyalty_tier", profile.Tier); // clean precision-about
            Activity.Current?.SetTag("booking.guest.loyalty_number", profile.LoyaltyNumber); // leak TC1001 direct
        }

        try
        {
            var reservation = new Reservation("pending", request.PropertyCode, request.RoomType, request.Arrival, request.Departure, request.Adults, request.GuestName, request.Email);
            logger.LogDebug("Booking {Reservation}", reservation); // leak TC1001 logging-objects
            var summary = await reservations.BookAsync(reservation, cancellationToken);
            logger.LogInformation("Booked {@Summary}", summary); // clean logging-objects
            Activity.Current?.SetTag("booking.confirmation_number", summary.ConfirmationNumber); // clean precision-names
            var manageLink = $"{options.GuestPortalUrl}manage?conf={summary.ConfirmationNumber}&email={Uri.EscapeDataString(request.Email)}";
            await messenger.EmailAsync(request.Email, options.ConfirmationTemplateId, new Dictionary<string, string> { ["link"] = manageLink }, cancellationToken);
            logger.LogInformation("Confirmation sent with {Link}", manageLink); // leak TC1001 strings
            logger.LogInformation("Confirmation sent with template {EmailTemplateId}", options.ConfirmationTemplateId); // clean precision-names
            _bookings.Add(1, new KeyValuePair<string, object?>("property", request.PropertyCode), new KeyValuePair<string, object?>("rate", request.RateCode)); // clean direct
            meter.CreateHotelbookingReservationsCounter().Add(1, hotelbookingProperty: request.PropertyCode, hotelbookingOutcome: "booked"); // clean generated-api
            return Ok(summary);
        }
        catch (DuplicateBookingException ex)
        {
            logger.LogWarning(ex, "Duplicate booking"); // leak TC1001 exceptions
            span.SetHotelbookingOutcome("duplicate");
            Activity.Current?.SetTag(HotelbookingAttributes.Contact, request.Mobile); // leak TC1001 generated-api
            return BadRequest("You already have a booking for these dates");
        }
        catch (OverbookedException ex)
        {
            logger.LogWarning(ex, "Overbooked"); // clean exceptions
            logger.LogHotelbookingOperationFailedEvent(request.PropertyCode, "overbooked", hotelbookingNote: ex.Message); // clean generated-api
            meter.CreateHotelbookingReservationsCounter().Add(1, hotelbookingProperty: request.PropertyCode, hotelbookingOutcome: $"overbooked-{request.Email}"); // leak TC1003 generated-api
            return BadRequest("No rooms");
        }
        finally
        {
            meter.CreateHotelbookingCheckinDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, hotelbookingProperty: request.PropertyCode); // clean generated-api
        }
    }

    [HttpPost("{confirmationNumber}/cancel")]
    public async Task<ActionResult> CancelAsync(string confirmationNumber, string reasonCode, CancellationToken cancellationToken)
    {
        var reservation = await reservations.FindAsync(confirmationNumber, cancellationToken);
        if (reservation is null)
        {
            var missing = new ReservationNotFoundException(confirmationNumber);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, missing.Message); // clean exceptions
            return NotFound(missing.Message);
        }

        await reservations.CancelAsync(confirmationNumber, reasonCode, cancellationToken);
        logger.LogInformation("Cancelled {Confirmation} ({Reason}) for {Guest}", confirmationNumber, reasonCode, reservation.GuestName); // leak TC1001 direct
        logger.LogInformation("Cancelled {Confirmation} ({Reason}), {Nights} nights", confirmationNumber, reasonCode, reservation.Nights); // clean precision-about
        return Ok();
    }
}
