namespace PrivacyHoldout174.Transport;

/// <summary>Community transport: clients of home care are taken to the day centre and back; carers book the rides.</summary>
[ApiController]
[Route("api/day-centre-rides")]
public sealed class DayCentreRidesController(ILogger<DayCentreRidesController> logger, ICareMessenger messenger, Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("CommunityTransport.Rides");
    private static readonly Meter Meter = new("CommunityTransport.Rides");
    private static readonly Counter<long> Rides = Meter.CreateCounter<long>("rides.booked");

    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] DayCentreRide ride, CancellationToken cancellationToken)
    {
        using var span = Source.StartCarerideOperation("east-depot");
        span.SetCarerideClientId(pseudonymizer.PseudonymizeCarerideClientId(ride.PassengerId)); // clean precision-pseudonym
        span.SetCarerideVisitType(ride.Wheelchair ? "wheelchair" : "seated"); // clean generated-api
        span.SetCarerideNote($"Pickup {ride.PickupAddress}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("ride.booking_id", ride.BookingId); // clean precision-about
        activity?.SetTag("ride.centre", ride.Centre); // clean precision-about
        activity?.SetTag("ride.passenger", ride.PassengerId); // leak TC1001 direct
        activity?.SetTag("ride.mobile_prefix", ride.Mobile[..5]); // clean precision-about
        activity?.SetTag("ride.booked_by", HttpContext.User.Email); // leak TC1001 direct

        logger.LogInformation("Ride {BookingId} to {Centre}, wheelchair {Wheelchair}", ride.BookingId, ride.Centre, ride.Wheelchair); // clean precision-about
        logger.LogInformation("Ride booked for {Passenger} from {Pickup}", ride.PassengerName, ride.PickupAddress); // leak TC1001 direct
        logger.LogInformation("Ride {@Ride}", ride); // leak TC1001 logging-objects

        Rides.Add(1, new KeyValuePair<string, object?>("centre", ride.Centre)); // clean precision-about
        Rides.Add(1, new KeyValuePair<string, object?>("passenger", ride.PassengerId)); // leak TC1003 direct

        try
        {
            await messenger.TextAsync(ride.Mobile, $"Your ride to {ride.Centre} is booked", cancellationToken);
        }
        catch (TimeoutException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "reminder text failed"); // clean exceptions
            logger.LogWarning(ex, "Reminder for ride {BookingId} failed", ride.BookingId); // clean exceptions
        }
        return Ok(ride.BookingId);
    }

    [HttpPost("{bookingId}/cancel")]
    public ActionResult Cancel(string bookingId, [FromBody] DayCentreRide ride)
    {
        using var activity = Source.StartActivity("rides.cancel");
        activity?.SetTag("ride.booking_id", bookingId); // clean precision-about
        activity?.SetTag("ride.wheelchair", ride.Wheelchair); // clean precision-about
        var pickupStreet = ride.PickupAddress.Split(',')[0];
        activity?.SetTag("ride.pickup_street", pickupStreet); // leak TC1001 direct
        logger.LogInformation("Ride {BookingId} cancelled by {User}", bookingId, HttpContext.User.SubjectId); // leak TC1001 direct
        logger.LogInformation("Ride {BookingId} cancelled, signed in {SignedIn}", bookingId, HttpContext.User.IsAuthenticated); // clean precision-about
        try
        {
            throw new RunFullException(ride.Centre, 8);
        }
        catch (RunFullException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Run full for {Centre}", ride.Centre); // clean exceptions
        }
        activity?.SetTag("ride.cancelled_passenger", pseudonymizer.PseudonymizeCarerideClientId(ride.PassengerId).Value); // clean precision-pseudonym
        return Ok(bookingId);
    }
}
