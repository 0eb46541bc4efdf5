namespace PrivacyHoldout173.Gaming;

/// <summary>The studio's launch party: the events team keeps the guest list, press and streamers included.</summary>
[ApiController]
[Route("api/events/launch-party")]
public sealed class LaunchPartyGuestListController(
    ILogger<LaunchPartyGuestListController> logger,
    IGuestStore guests,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Events.LaunchParty");
    private static readonly Meter Meter = new("Studio.Events.LaunchParty");
    private static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("launch_party.checkins");

    [HttpPost("rsvp")]
    public async Task<ActionResult> Rsvp([FromBody] Rsvp rsvp)
    {
        using var activity = Source.StartActivity("launch_party.rsvp");
        activity?.SetTag("launch_party.event", rsvp.EventId); // clean precision-names
        activity?.SetTag("launch_party.attending", rsvp.Attending); // clean precision-about
        activity?.SetTag("launch_party.party_size", rsvp.PartySize); // clean precision-about
        activity?.SetTag("launch_party.guest", rsvp.GuestId); // leak TC1001 direct

        try
        {
            var guest = await guests.FindAsync(rsvp.GuestId) ?? throw new GuestNotFoundException(rsvp.GuestId);
            if (guest.Email.EndsWith("@press.example", StringComparison.OrdinalIgnoreCase))
            {
                throw new DuplicateRsvpException(guest.Email);
            }
            await guests.SaveAsync(rsvp);
            logger.LogInformation("RSVP saved {@Rsvp}", rsvp); // leak TC1001 logging-objects
            return Ok();
        }
        catch (GuestNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            return NotFound();
        }
        catch (DuplicateRsvpException ex)
        {
            logger.LogInformation("Duplicate RSVP: {Reason}", ex.Message); // leak TC1001 exceptions
            return BadRequest("duplicate");
        }
    }

    [HttpPost("checkin/{guestId}")]
    public ActionResult CheckIn(string guestId, string door)
    {
        var guest = pseudonymizer.PseudonymizeRealmeventsGuestId(guestId);
        using var span = Source.StartRealmeventsOperation("launch-hq");
        span.SetRealmeventsGuestId(guest); // clean generated-api
        CheckIns.Add(1, new KeyValuePair<string, object?>("door", door)); // clean precision-about
        CheckIns.Add(1, new KeyValuePair<string, object?>("guest", guest.Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.SetBaggage("launch_party.guest", guest.Value); // clean precision-pseudonym
        logger.LogInformation("Guest {GuestId} checked in at {Door}", guestId, door); // leak TC1001 direct
        return Ok();
    }
}
