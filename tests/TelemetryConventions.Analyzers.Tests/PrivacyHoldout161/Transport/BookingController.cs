namespace PrivacyHoldout161.Transport;

[ApiController]
[Route("api/bookings")]
public sealed class BookingController(IBookingStore bookings, IPassengerMessenger messenger, Pseudonymizer pseudonymizer, TravelOptions options, ILogger<BookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Travel.Ticketing.Bookings");
    private static readonly Meter Meter = new("Travel.Ticketing.Bookings");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("ticketing.booking.lookups");

    [HttpGet("{pnr}")]
    public async Task<ActionResult> Get(string pnr, string familyName, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("booking.pnr", pnr); // leak TC1001 direct
        Activity.Current?.SetTag("booking.pnr.length", pnr.Length); // clean precision-about
        logger.LogInformation("Manage booking requested for {FamilyName}", familyName); // leak TC1001 direct

        var booking = await bookings.FindAsync(pnr, cancellationToken);
        if (booking is null)
        {
            var notFound = new BookingNotFoundException(pnr);
            logger.LogWarning(notFound, "Manage booking lookup failed"); // leak TC1001 exceptions
            Lookups.Add(1, new KeyValuePair<string, object?>("ticketing.result", "not_found")); // clean precision-about
            return NotFound(notFound.GetType().Name);
        }

        Activity.Current?.SetTag("booking.id", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("booking.flight", booking.FlightNumber); // clean precision-names
        Activity.Current?.SetTag("booking.passenger.count", booking.Passengers.Count); // clean precision-about
        Lookups.Add(1, new KeyValuePair<string, object?>("ticketing.carrier", booking.Carrier)); // clean precision-names
        logger.LogDebug("Booking loaded {@Booking}", booking); // leak TC1001 logging-objects
        return Ok(booking);
    }

    [HttpPost("{pnr}/confirmation")]
    public async Task<ActionResult> Resend(string pnr, CancellationToken cancellationToken)
    {
        var booking = await bookings.FindAsync(pnr, cancellationToken) ?? throw new BookingNotFoundException(pnr);
        var lead = booking.Passengers[0];
        using var span = Source.StartTicketingOperation(booking.Carrier);
        span.SetTicketingPassengerId(pseudonymizer.PseudonymizeTicketingPassengerId(lead.ProfileId)); // clean precision-pseudonym
        span.SetTicketingItemCount(booking.Passengers.Count); // clean generated-api
        await messenger.SendAsync(lead.Email, options.ConfirmationTemplateId, new Dictionary<string, string> { ["pnr"] = pnr }, cancellationToken);
        span.SetTicketingOutcome("resent"); // clean generated-api
        logger.LogInformation("Confirmation {TemplateId} resent to the lead passenger's domain {Domain}", options.ConfirmationTemplateId, lead.Email.Split('@')[1]); // clean precision-about
        logger.LogInformation("Confirmation resent to {Email}", lead.Email); // leak TC1001 direct
        Activity.Current?.SetTag(TicketingAttributes.Contact, lead.Mobile); // leak TC1001 generated-api
        return Ok();
    }
}
