namespace PrivacyHoldout141.Media;

/// <summary>
/// Production coordinators book crew cars for early calls and contributors' lifts to the studio or location:
/// the booking goes to the account taxi firm and is charged to the production's car budget.
/// </summary>
[ApiController]
[Route("api/crew-cars")]
public sealed class CrewCarBookingController(
    ICrewCarFirmClient firm,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CrewCarBookingController> logger) : ControllerBase
{
    private readonly Counter<long> _bookingsByPassenger = meter.CreateCounter<long>("crewcars.bookings.by_passenger", "{booking}");

    [HttpPost]
    public async Task<ActionResult> BookAsync([FromBody] CrewCarBooking booking)
    {
        using var span = source.StartCrewcarsOperation(booking.ProductionCode, "crewcars.book");
        span.SetCrewcarsAccount(booking.AccountCode);
        span.SetCrewcarsStudio(booking.StudioCode); // clean generated-api
        if (booking.Contributor)
        {
            span.SetCrewcarsContributorId(pseudonymizer.PseudonymizeCrewcarsContributorId(booking.PassengerId)); // clean generated-api
        }
        else
        {
            span.SetCrewcarsCrewId(pseudonymizer.PseudonymizeCrewcarsCrewId(booking.PassengerId)); // clean generated-api
        }

        span.Activity?.SetTag("crewcars.pickup.hour", booking.PickupAt.Hour); // clean precision-about
        span.Activity?.SetTag("crewcars.pickup.address", booking.PickupAddress); // leak TC1001 direct
        span.Activity?.SetTag("crewcars.booked_by", HttpContext.User.Email); // leak TC1001 direct
        span.Activity?.SetTag("crewcars.passenger.mobile_prefix", booking.PassengerMobile[..3]); // clean precision-about
        var summary = string.Format(CultureInfo.InvariantCulture, "{0} from {1} at {2:t}", booking.PassengerName, booking.PickupAddress, booking.PickupAt);
        span.Activity?.SetTag("crewcars.summary", summary); // leak TC1001 strings
        span.Activity?.SetTag("crewcars.route", string.Join(" > ", booking.ProductionCode, booking.StudioCode)); // clean strings

        try
        {
            var firmRef = await firm.BookAsync(booking);
            span.Activity?.SetTag("crewcars.firm.ref", firmRef); // clean precision-names
            logger.LogInformation("Crew car booked {@Booking}", booking); // leak TC1001 logging-objects
            logger.LogInformation("Crew car {BookingRef} booked for {Production} at {PickupAt:t}", booking.BookingRef, booking.ProductionCode, booking.PickupAt); // clean precision-names
            span.Activity?.SetTag(CrewcarsAttributes.Contact, pseudonymizer.Pseudonymize("crewcars.contact", booking.PassengerMobile).Value); // leak TC1001 precision-pseudonym
            _bookingsByPassenger.Add(1, new KeyValuePair<string, object?>("passenger", booking.PassengerName)); // leak TC1003 direct
            meter.CreateCrewcarsBookingsCounter().Add(1, booking.ProductionCode, "booked");
            return Ok(firmRef);
        }
        catch (BookingOutsideBudgetException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            meter.CreateCrewcarsBookingsCounter().Add(1, ex.ProductionCode, "over-budget"); // clean exceptions
            return BadRequest(ex.Message);
        }
        catch (ContributorNotClearedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogCrewcarsBookingFailedEvent(booking.ProductionCode, ex.Reason, null, $"Contributor lift for {booking.StudioCode} refused"); // clean exceptions
            return BadRequest(ex.Reason);
        }
    }

    [HttpGet("{bookingRef}")]
    public async Task<ActionResult> GetAsync(string bookingRef)
    {
        var booking = await firm.FindBookingAsync(bookingRef);
        if (booking is null)
        {
            logger.LogInformation("No crew car booking {BookingRef}", bookingRef); // clean precision-names
            return NotFound();
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["BookingRef"] = bookingRef, ["Passenger"] = booking.PassengerName }); // leak TC1001 direct
        Activity.Current?.SetBaggage("crewcars.crew", pseudonymizer.ComputeCrewcarsCrewId(booking.PassengerId)); // clean precision-pseudonym
        return Ok(booking);
    }
}
