using OpenTelemetry;

namespace PrivacyHoldout142.Gaming;

/// <summary>Books members onto the arena's weekend bootcamps (with a waitlist) and one-to-one sessions with the club's coaches.</summary>
public sealed class BootcampBookingService(
    IBookingEngine bookings,
    ICoachingStore coaching,
    IMemberMessenger messenger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<BootcampBookingService> logger)
{
    private readonly Histogram<int> _waitlistLength = meter.CreateHistogram<int>("clubarena.bootcamp.waitlist", "{member}");

    public async Task BookAsync(string classId, string playerId, CancellationToken cancellationToken)
    {
        var bootcamp = await bookings.GetClassAsync(classId, cancellationToken);
        using var span = source.StartClubarenaOperation(bootcamp.Studio);
        span.SetClubarenaSeatCount(bootcamp.Booked).SetClubarenaOutcome("requested"); // clean generated-api
        logger.LogInformation("Bootcamp {Bootcamp}", bootcamp); // clean logging-objects
        try
        {
            var booking = await bookings.BookAsync(classId, playerId, cancellationToken);
            logger.LogInformation("Bootcamp booking {Booking}", booking); // leak TC1001 logging-objects
            Activity.Current?.SetTag("clubarena.booking.id", booking.BookingId); // clean precision-names
        }
        catch (ClassFullException)
        {
            var entry = await bookings.JoinWaitlistAsync(classId, playerId, cancellationToken);
            var waitlist = await bookings.WaitlistAsync(classId, cancellationToken);
            _waitlistLength.Record(waitlist.Count, new KeyValuePair<string, object?>("bootcamp", bootcamp.Code)); // clean precision-about
            logger.LogInformation("Waitlisted at {Position} of {Length}", entry.Position, waitlist.Count); // clean precision-about
            logger.LogDebug("Waitlist players {Players}", waitlist.Select(w => w.MembershipNumber)); // leak TC1001 direct
        }
        catch (AlreadyBookedException ex)
        {
            logger.LogInformation("Already booked on {ClassId}", ex.ClassId); // clean exceptions
            span.SetClubarenaNote(ex.Message); // leak TC1001 generated-api
        }
    }

    public async Task PromoteAsync(string classId, int places, CancellationToken cancellationToken)
    {
        var promotion = await bookings.PromoteAsync(classId, places, cancellationToken);
        logger.LogInformation("Promotion {Promotion}", promotion); // clean logging-objects
        var remaining = await bookings.WaitlistAsync(classId, cancellationToken);
        if (remaining.FirstOrDefault() is { } head)
        {
            await messenger.SendAsync("tpl-waitlist-promoted", head.MembershipNumber, new Dictionary<string, string>(), cancellationToken);
            Activity.Current?.SetTag("clubarena.waitlist.next", head.MembershipNumber); // leak TC1001 direct
            Activity.Current?.SetTag("clubarena.waitlist.next.ref", pseudonymizer.ComputeClubarenaMemberId(head.MembershipNumber)); // clean precision-pseudonym
        }
    }

    public async Task CoachSessionAsync(string coachStaffId, string playerId, DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        using var span = source.StartClubarenaOperation("arena-manchester");
        span.SetClubarenaCoachId(pseudonymizer.PseudonymizeClubarenaCoachId(coachStaffId)); // clean precision-pseudonym
        var coach = await coaching.TrainerAsync(coachStaffId, cancellationToken);
        logger.LogInformation("Coach {Coach} booked", coach); // leak TC1001 logging-objects
        logger.LogInformation("Coach with {Count} specialisms booked", coach.Specialisms.Length); // clean precision-about
        var session = await coaching.BookSessionAsync(coachStaffId, playerId, startsAt, cancellationToken);
        var pairKey = HashCode.Combine(coachStaffId, playerId);
        Activity.Current?.SetTag("clubarena.coaching.pair", pairKey); // leak TC1002 hashes
        Activity.Current?.SetTag("clubarena.coaching.session", session.SessionId); // clean precision-names
        Baggage.SetBaggage("clubarena.player", playerId); // leak TC1001 direct
    }
}
