namespace PrivacyHoldout144.Retail;

/// <summary>
/// A bookshop chain's author events: customers book seats for talks and signings on the website, optionally with
/// their loyalty card for member prices and a signed copy to collect on the night.
/// </summary>
[ApiController]
[Route("api/events")]
public sealed class AuthorEventTicketingController(
    IEventBox box,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AuthorEventTicketingController> logger) : ControllerBase
{
    private static readonly byte[] ExperimentKey = Encoding.UTF8.GetBytes("bookevents-checkout-2024");

    [HttpPost("{eventId}/tickets")]
    public async Task<ActionResult> Book(string eventId, [FromBody] TicketRequest request, CancellationToken cancellationToken)
    {
        var ev = await box.EventAsync(eventId, cancellationToken);
        Activity.Current.EnrichBookeventsOperation(ev.Store).SetBookeventsEventId(ev.EventId).SetBookeventsSeatCount(request.Seats); // clean generated-api
        Activity.Current?.SetTag("bookevents.event.capacity", ev.Capacity); // clean precision-about
        Activity.Current?.SetTag("bookevents.customer.name", request.CustomerName); // leak TC1001 direct
        Activity.Current?.SetTag("bookevents.signed_copy", request.WantsSignedCopy); // clean precision-about

        if (request.LoyaltyCard is { Length: > 4 } card)
        {
            Activity.Current.EnrichBookeventsOperation(ev.Store).SetBookeventsCustomerId(pseudonymizer.PseudonymizeBookeventsCustomerId(card)); // clean precision-pseudonym
            Activity.Current?.SetTag("bookevents.loyalty.last4", card[^4..]); // clean precision-about
        }

        var variant = HMACSHA256.HashData(ExperimentKey, Encoding.UTF8.GetBytes(request.Email))[0] % 2;
        Activity.Current?.SetTag("bookevents.checkout.variant", variant); // leak TC1002 hashes

        try
        {
            var booking = await box.BookAsync(request, cancellationToken);
            logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
            var confirmation = new BookingConfirmation(booking.BookingId, booking.EventId, booking.Seats, "stalls");
            logger.LogInformation("Confirmation shown {Confirmation}", confirmation); // clean logging-objects
            Activity.Current?.SetTag("bookevents.booking.id", booking.BookingId); // clean precision-names
            meter.CreateBookeventsBookingsCounter().Add(booking.Seats, ev.Store, bookeventsOutcome: "booked"); // clean generated-api
            return Ok(confirmation);
        }
        catch (EventSoldOutException ex)
        {
            meter.CreateBookeventsBookingsCounter().Add(request.Seats, ev.Store, bookeventsOutcome: "sold-out"); // clean generated-api
            logger.LogInformation("{Message}", ex.Message); // clean exceptions
            return BadRequest("sold out");
        }
        catch (AlreadyBookedException ex)
        {
            Activity.Current?.SetTag("bookevents.duplicate.event", ex.EventId); // clean exceptions
            logger.LogBookeventsOperationFailedEvent(ev.Store, "duplicate", bookeventsNote: ex.Message); // leak TC1001 generated-api
            return BadRequest("already booked");
        }
        catch (LoyaltyCardNotFoundException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return BadRequest("card not found");
        }
    }
}
