namespace PrivacyHoldout173.Transport;

/// <summary>The coach operator's vintage fleet: wedding car bookings from couples.</summary>
[ApiController]
[Route("api/wedding-cars")]
public sealed partial class WeddingCarBookingController(
    ILogger<WeddingCarBookingController> logger,
    Pseudonymizer pseudonymizer,
    IEventMessenger messenger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Operator.Private.WeddingCars");
    private static readonly Meter Meter = new("Operator.Private.WeddingCars");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("wedding_cars.bookings");

    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] WeddingCarBooking booking, string depot)
    {
        using var span = Source.StartWeddingcarsOperation(depot);
        span.SetWeddingcarsCoupleId(pseudonymizer.PseudonymizeWeddingcarsCoupleId(booking.CoupleId)); // clean generated-api
        span.SetWeddingcarsNote(booking.PickupAddress); // leak TC1001 generated-api
        span.SetWeddingcarsEventType("wedding"); // clean generated-api
        Activity.Current?.SetTag("wedding_cars.vehicle", booking.Vehicle); // clean precision-about
        Activity.Current?.SetTag("wedding_cars.pickup_hour", booking.PickupAt.Hour); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("vehicle", booking.Vehicle), new KeyValuePair<string, object?>("depot", depot)); // clean precision-about

        LogBooking(logger, booking.BookingId, booking.ContactMobile); // leak TC1001 logging-objects
        logger.LogInformation("Booking {BookingId} for {Vehicle} at {PickupAt:t}", booking.BookingId, booking.Vehicle, booking.PickupAt); // clean precision-names

        try
        {
            if (booking.PickupAt.Hour is < 8 or > 20)
            {
                throw new VehicleUnavailableException(booking.Vehicle, booking.PickupAt.Hour);
            }
            await messenger.SendAsync(booking.ContactMobile, "tpl-wedding-car-confirmed");
            span.SetWeddingcarsOutcome("booked"); // clean generated-api
        }
        catch (VehicleUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWeddingcarsOperationFailedEvent(depot, "unavailable", weddingcarsNote: ex.Message); // clean exceptions
            Meter.CreateWeddingcarsOperationsCounter().Add(1, depot, booking.CoupleId); // leak TC1003 generated-api
        }

        Activity.Current?.SetBaggage("wedding_cars.couple", booking.CoupleId); // leak TC1001 direct
        logger.LogInformation("Booking {Booking}", booking); // leak TC1001 logging-objects
        var pickup = new StringBuilder().Append("Pickup ").Append(booking.PickupAddress).Append(" at ").Append(booking.PickupAt.ToString("t", CultureInfo.InvariantCulture)).ToString();
        logger.LogDebug(pickup); // leak TC1001 strings
        return Ok(booking.BookingId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} contact {Mobile}")]
    private static partial void LogBooking(ILogger logger, string bookingId, string mobile);
}
