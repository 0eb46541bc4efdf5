namespace PrivacyHoldout202.Gaming;

public sealed record ArenaBookRequest(string ClassId, string PlayerId, string Gamertag);

/// <summary>A games publisher's fitness app: players book arena gym classes and earn in-game rewards.</summary>
[ApiController]
[Route("api/arena/classes")]
public sealed class ArenaClassController(
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<ArenaClassController> logger) : ControllerBase
{
    private static readonly Counter<long> Bookings = new Meter("fitquest.arena").CreateCounter<long>("fitquest.bookings");
    private readonly List<WaitlistEntry> _waitlisted = new();

    [HttpPost("book")]
    public async Task<ActionResult> Book([FromBody] ArenaBookRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartFitquestOperation("arena-1");
        span.SetFitquestMemberId(pseudonymizer.PseudonymizeFitquestMemberId(request.PlayerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("class.id", request.ClassId); // clean precision-names
        Activity.Current?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("player.gamertag_length", request.Gamertag.Length); // clean precision-about
        Activity.Current?.SetTag("player.id", Pseudonym.FromComputed(request.PlayerId).Value); // leak TC1001 generated-api
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PlayerPseudonym"] = pseudonymizer.ComputeFitquestMemberId(request.PlayerId) }); // clean precision-pseudonym
        try
        {
            var fitnessClass = await engine.ClassAsync(request.ClassId, cancellationToken);
            Activity.Current?.SetTag("class.capacity", fitnessClass.Capacity); // clean precision-about
            Activity.Current?.SetTag("class.studio", fitnessClass.Studio); // clean precision-names
            var booking = await engine.BookAsync(request.ClassId, request.PlayerId, cancellationToken);
            var summary = new BookingSummary(booking.BookingId, booking.ClassId, fitnessClass.Studio, fitnessClass.Booked + 1);
            logger.LogInformation("Booked {@Summary}", summary); // clean logging-objects
            logger.LogInformation("Booked {@Booking}", booking); // leak TC1001 logging-objects
            logger.LogInformation("Booked {Booking}", booking with { MembershipNumber = pseudonymizer.ComputeFitquestMemberId(booking.MembershipNumber) }); // clean logging-objects
            Bookings.Add(1, new KeyValuePair<string, object?>("activity", fitnessClass.Activity)); // clean precision-about
            Bookings.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
            meter.CreateFitquestOperationsCounter().Add(1, "arena-1", $"booked-{request.PlayerId}"); // leak TC1003 generated-api
            meter.CreateFitquestOperationsCounter().Add(1, "arena-1", "booked"); // clean generated-api
            Activity.Current?.AddEvent(new ActivityEvent("reward.granted", tags: new ActivityTagsCollection { ["reward"] = "xp-200", ["booking"] = booking.BookingId })); // clean precision-names
            return Ok(summary);
        }
        catch (ClassFullException ex)
        {
            logger.LogWarning(ex, "Class full"); // clean exceptions
            span.SetFitquestNote($"{ex.Message}; class {ex.ClassId}"); // clean exceptions
            var waitlist = await engine.WaitlistAsync(request.ClassId, cancellationToken);
            _waitlisted.AddRange(waitlist);
            logger.LogInformation("Waitlist length {Length}", waitlist.Count); // clean precision-about
            logger.LogInformation("Waitlist {Waitlist}", waitlist); // leak TC1001 logging-objects
            logger.LogInformation("Next on waitlist {Next}", waitlist.FirstOrDefault()?.MembershipNumber); // leak TC1001 direct
            return BadRequest("full");
        }
        catch (MemberNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogFitquestOperationFailedEvent("arena-1", "unknown-player", pseudonymizer.PseudonymizeFitquestMemberId(request.PlayerId), ex.Message); // leak TC1001 exceptions
            throw new RpcException("NotFound", $"player {request.PlayerId}");
        }
    }

    [HttpGet("waitlisted")]
    public ActionResult Waitlisted()
    {
        logger.LogInformation("Waitlisted players {Players}", _waitlisted.Select(w => w.MembershipNumber).ToList()); // leak TC1001 cross-member
        logger.LogInformation("Waitlisted classes {Classes}", _waitlisted.Select(w => w.ClassId).Distinct().ToList()); // clean cross-member
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_waitlisted.FirstOrDefault()?.MembershipNumber ?? ""))[0] % 4;
        Bookings.Add(0, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        var unkeyed = SHA1.HashData(Encoding.UTF8.GetBytes(_waitlisted.FirstOrDefault()?.MembershipNumber ?? ""));
        logger.LogInformation("Waitlist head {Head}", Convert.ToBase64String(unkeyed)); // leak TC1002 hashes
        return Ok();
    }
}
