namespace PrivacyHoldout110.Gaming;

public sealed record ScrimRequest(Guid CaptainId, string CaptainGamertag, string Region, DateTimeOffset Start, int Minutes, string? PushToken);

[ApiController]
[Route("api/scrims")]
public sealed class ScrimBookingController(
    IBookingEngine engine,
    IPushSender push,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ScrimBookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Esports.Scrims");
    private static readonly Meter Meter = new("Esports.Scrims");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("scrims.bookings");

    private Guid _captain;

    [HttpPost("")]
    public async Task<ActionResult> BookAsync([FromBody] ScrimRequest request, CancellationToken cancellationToken)
    {
        _captain = request.CaptainId;
        using var span = Source.StartMatchbookBooking("scrims").SetMatchbookRegion(request.Region); // clean precision-names
        var query = new AvailabilityQuery("scrim-server", request.Region, DateOnly.FromDateTime(request.Start.Date), DateOnly.FromDateTime(request.Start.Date), TimeSpan.FromMinutes(request.Minutes));
        var result = await engine.SearchAsync(query, cancellationToken);
        span.SetMatchbookSlotsAvailable(result.Slots.Count); // clean generated-api
        logger.LogDebug("Scrim search {Result}", result); // clean logging-objects
        var slot = result.Slots.FirstOrDefault(s => s.Start == request.Start);
        if (slot is null)
        {
            TagCaptain(span.Activity);
            return NotFound("no-server");
        }

        var hold = await engine.HoldAsync(slot.SlotId, 1, TimeSpan.FromMinutes(2), cancellationToken);
        var booking = await engine.ConfirmAsync(hold.HoldId, request.CaptainId.ToString(), cancellationToken);
        span.SetMatchbookMatchId(booking.BookingId).SetMatchbookOutcome("booked"); // clean precision-names
        Bookings.Add(1, new KeyValuePair<string, object?>("region", request.Region), new("captain", request.CaptainGamertag)); // leak TC1003 direct
        var gamertagHash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.CaptainGamertag.ToLowerInvariant())));
        span.Activity?.SetTag("scrim.captain.hash", gamertagHash); // leak TC1002 hashes
        var cohort = HMACSHA256.HashData(secrets.ShardKey, request.CaptainId.ToByteArray())[0] % 8;
        span.Activity?.SetTag("scrim.captain.cohort", cohort); // clean hashes

        if (request.PushToken is { } token)
        {
            var notification = new PushNotification(token, "Scrim booked", $"Your scrim on {slot.ResourceId} starts at {slot.Start:HH:mm}", new Dictionary<string, string> { ["match"] = booking.BookingId });
            var pushId = await push.SendAsync(notification, cancellationToken);
            span.Activity?.SetTag("push.id", pushId); // clean precision-names
            span.Activity?.SetTag("push.body", notification.Body); // clean strings
            logger.LogDebug("Push sent {Notification}", notification); // leak TC1001 logging-objects
            span.Activity?.SetTag("push.token.tail", token[^4..]); // clean precision-about
        }
        return Ok(booking.BookingId);
    }

    [HttpGet("/players/{playerId}/matches.ics")]
    public ActionResult MatchCalendar(Guid playerId, IReadOnlyList<CalendarEvent> matches)
    {
        using var span = Source.StartMatchbookBooking("match-calendar");
        span.SetMatchbookPlayerId(pseudonymizer.PseudonymizeMatchbookPlayerId(playerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("calendar.events", matches.Count); // clean precision-about
        span.Activity?.SetTag("calendar.uids", string.Join(",", matches.Select(m => m.Uid))); // clean strings
        span.Activity?.SetTag("calendar.request", $"/players/{playerId}/matches.ics"); // leak TC1001 strings
        if (span.Activity is { } activity) activity.DisplayName = $"calendar {playerId}"; // leak TC1001 strings
        return Ok();
    }

    private void TagCaptain(Activity? activity) =>
        activity?.SetTag("scrim.captain", _captain); // leak TC1001 cross-member
}
