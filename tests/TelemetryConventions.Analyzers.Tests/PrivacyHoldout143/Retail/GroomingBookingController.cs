namespace PrivacyHoldout143.Retail;

/// <summary>A grooming appointment asked for in the app, by loyalty card.</summary>
public sealed record GroomingRequest(string LoyaltyCard, Guid PetId, string Store, string Service, DateTimeOffset At, string? CoatNotes, string OwnerMobile);

/// <summary>
/// The pet retailer's in-store grooming salons: loyalty customers book a groom for their dog in the app; the salon
/// needs the dog's vaccination proof on file, and the diary picks a groomer.
/// </summary>
[ApiController]
[Route("api/salon/bookings")]
public sealed class GroomingBookingController(
    ISalonDiary diary,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<GroomingBookingController> logger) : ControllerBase
{
    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] GroomingRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartGroomshopOperation(request.Store);
        span.SetGroomshopCustomerId(pseudonymizer.PseudonymizeGroomshopCustomerId(request.LoyaltyCard)); // clean generated-api
        span.SetGroomshopService(request.Service); // clean precision-about
        Activity.Current?.SetTag("groomshop.loyalty.card", request.LoyaltyCard); // leak TC1001 direct
        Activity.Current?.SetTag("groomshop.loyalty.card_last4", request.LoyaltyCard[^4..]); // clean precision-about
        if (request.CoatNotes is { } notes)
        {
            Activity.Current?.SetTag("groomshop.coat_notes.length", notes.Length); // clean precision-about
        }

        var service = await diary.ServiceAsync(request.Service, cancellationToken);
        logger.LogInformation("Service asked for {Service}", service); // clean logging-objects

        try
        {
            var booking = await diary.BookAsync(request.Store, request.Service, request.LoyaltyCard, request.PetId, request.At, cancellationToken);
            logger.LogInformation("Grooming booked {Booking}", booking); // leak TC1001 logging-objects
            span.SetGroomshopGroomerId(pseudonymizer.PseudonymizeGroomshopGroomerId(booking.GroomerStaffId)); // clean generated-api
            logger.LogInformation("Groomer {Groomer} takes {BookingId}", booking.GroomerStaffId, booking.BookingId); // leak TC1001 direct
            Activity.Current?.SetTag("groomshop.booking.id", booking.BookingId); // clean precision-names
            Activity.Current?.SetTag("groomshop.booking.pet", booking.PetId); // clean precision-names
            meter.CreateGroomshopBookingsCounter().Add(1, groomshopStore: request.Store, groomshopOutcome: "booked"); // clean generated-api
            return Ok(booking.BookingId);
        }
        catch (VaccinationProofMissingException ex)
        {
            logger.LogWarning("Booking refused: {Reason}", ex.Message); // leak TC1001 exceptions
            span.SetGroomshopOutcome("vaccination-proof");
            return BadRequest("vaccination-proof");
        }
        catch (NoGroomerFreeException ex)
        {
            logger.LogWarning(ex, "No groomer free"); // clean exceptions
            span.SetGroomshopOutcome("no-groomer");
            return BadRequest("no-groomer");
        }
    }

    [HttpGet("{store}/day/{day}")]
    public async Task<ActionResult> Day(string store, DateOnly day, CancellationToken cancellationToken)
    {
        var salon = await diary.DayAsync(store, day, cancellationToken);
        logger.LogInformation("Salon day {Day}", salon); // clean logging-objects
        Activity.Current?.SetTag("groomshop.day.free_slots", salon.FreeSlots);
        return Ok(salon);
    }
}
