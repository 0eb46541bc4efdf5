namespace PrivacyHoldout167.Gaming;

/// <summary>Fans and players book parking for the esports arena's tournament days; the car park reads the plate at the gate.</summary>
[ApiController]
[Route("api/events/{eventId}/parking")]
public sealed partial class EventParkingBookingController(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<EventParkingBookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Arena.Parking");
    private static readonly Meter Meter = new("Arena.Parking");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("arena.parking.bookings");
    private readonly ArenaparkOperationsCounter _operations = Meter.CreateArenaparkOperationsCounter();

    public sealed record BookingRequest(string PlayerId, string Gamertag, string Vrm, string Email, bool Accessible, int Passengers);

    [HttpPost]
    public ActionResult Book(string eventId, [FromBody] BookingRequest request)
    {
        using var span = Source.StartArenaparkOperation(eventId);
        var fan = pseudonymizer.PseudonymizeArenaparkFanId(request.PlayerId);
        span.SetArenaparkFanId(fan); // clean generated-api
        span.SetArenaparkItemCount(request.Passengers); // clean generated-api
        span.SetArenaparkNote(request.Gamertag); // leak TC1001 generated-api
        Activity.Current?.SetTag("booking.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("booking.gamertag.length", request.Gamertag.Length); // clean precision-about
        Activity.Current?.SetTag("booking.accessible", request.Accessible); // clean precision-about
        Activity.Current?.SetTag("booking.player", fan.Value); // clean precision-pseudonym
        Activity.Current?.SetTag("booking.player.sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.PlayerId)))); // leak TC1002 hashes
        Activity.Current?.SetTag("booking.player.bucket", HashCode.Combine(request.PlayerId) % 8); // leak TC1002 hashes
        Activity.Current?.SetTag("booking.player.keyed", Convert.ToHexString(new HMACSHA256(secrets.PseudonymKey).ComputeHash(Encoding.UTF8.GetBytes(request.PlayerId)))[..10]); // clean hashes

        LogBooking(logger, request.PlayerId, request.Vrm, eventId); // leak TC1001 direct
        LogBookingRedacted(logger, request.PlayerId, request.Vrm, eventId); // clean precision-names
        logger.LogInformation("Booking confirmation to {Email}", request.Email.Trim()); // leak TC1001 direct
        logger.LogInformation("Booking {Booking}", JsonSerializer.Serialize(request)); // leak TC1001 logging-objects
        logger.LogInformation("Booking for event {Event}, {Passengers} passengers, accessible {Accessible}", eventId, request.Passengers, request.Accessible); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("event", eventId), new KeyValuePair<string, object?>("accessible", request.Accessible)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        _operations.Add(1, eventId, "booked"); // clean generated-api
        return Ok();
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Parking booked by {PlayerId} for {Vrm} at {EventId}")]
    private static partial void LogBooking(ILogger logger, string playerId, string vrm, string eventId);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Parking booked by {PlayerId} for {Vrm} at {EventId}")]
    private static partial void LogBookingRedacted(ILogger logger, [PrivateData] string playerId, [PrivateData] string vrm, string eventId);
}
