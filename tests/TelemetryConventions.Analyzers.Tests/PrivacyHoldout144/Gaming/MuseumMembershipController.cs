namespace PrivacyHoldout144.Gaming;

/// <summary>
/// The game museum's galleries: timed tickets bought online, scanned at the gates, and members who walk in with
/// their membership card and bring guests.
/// </summary>
[ApiController]
[Route("api/museum")]
public sealed class MuseumMembershipController(
    IMembershipStore memberships,
    ITicketing ticketing,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<MuseumMembershipController> logger) : ControllerBase
{
    private const string Venue = "museum-galleries";

    private readonly Counter<long> _memberVisits = meter.CreateCounter<long>("arcademuseum.member.visits");

    [HttpPost("tickets")]
    public async Task<ActionResult> Buy([FromBody] TicketOrder order, CancellationToken cancellationToken)
    {
        Activity.Current.EnrichArcademuseumOperation(Venue).SetArcademuseumCreditCount(order.Adults + order.Children + order.Concessions); // clean generated-api
        Activity.Current?.SetTag("arcademuseum.order.id", order.OrderId); // clean precision-names
        Activity.Current?.SetTag("arcademuseum.slot", order.Slot.ToString("HH:mm", CultureInfo.InvariantCulture)); // clean precision-about
        Activity.Current?.SetTag("arcademuseum.buyer", order.BuyerEmail); // leak TC1001 direct
        try
        {
            var tickets = await ticketing.BuyAsync(order, cancellationToken);
            logger.LogInformation("Issued tickets {Barcodes} for order {OrderId}", string.Join(",", tickets.Select(t => t.TicketBarcode)), order.OrderId); // clean strings
            logger.LogDebug("Order {@Order}", order); // leak TC1001 logging-objects
            return Ok(tickets.Count);
        }
        catch (SlotSoldOutException ex)
        {
            logger.LogInformation(ex, "Order {OrderId} not placed", order.OrderId); // clean exceptions
            var availability = await ticketing.AvailabilityAsync(ex.Slot, cancellationToken);
            logger.LogInformation("Slot state {Availability}", availability); // clean logging-objects
            return BadRequest("sold out");
        }
    }

    [HttpPost("gates/{gate}/scans/{barcode}")]
    public async Task<ActionResult> Scan(string gate, string barcode, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("arcademuseum.ticket.barcode", barcode); // clean precision-names
        try
        {
            var ticket = await ticketing.ScanAsync(barcode, gate, cancellationToken);
            return ticket is null ? NotFound() : Ok(ticket.Type);
        }
        catch (TicketAlreadyUsedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("used");
        }
    }

    [HttpPost("members/{membershipNumber}/visits")]
    public async Task<ActionResult> MemberVisit(string membershipNumber, string gate, CancellationToken cancellationToken)
    {
        var member = await memberships.FindAsync(membershipNumber, cancellationToken);
        if (member is null || member.ValidUntil < DateOnly.FromDateTime(DateTime.UtcNow))
        {
            var lapsed = new MembershipLapsedException(membershipNumber, member?.ValidUntil ?? default);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, lapsed.Message); // leak TC1001 exceptions
            logger.LogInformation("Lapsed member turned away at {Gate}, lapsed {LapsedOn}", gate, lapsed.LapsedOn); // clean exceptions
            return BadRequest("lapsed");
        }

        Activity.Current.EnrichArcademuseumOperation(Venue).SetArcademuseumMemberId(pseudonymizer.PseudonymizeArcademuseumMemberId(membershipNumber)); // clean precision-pseudonym
        meter.CreateArcademuseumPlaysCounter().Add(1, Venue, arcademuseumOutcome: "admitted"); // clean generated-api
        _memberVisits.Add(1, new KeyValuePair<string, object?>("arcademuseum.member", pseudonymizer.PseudonymizeArcademuseumMemberId(membershipNumber).Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("arcademuseum.member.tier", member.Tier); // clean precision-about
        Activity.Current?.SetTag("arcademuseum.member.guests", member.GuestAllowance); // clean precision-about
        logger.LogInformation("Member {Name} admitted at {Gate}", member.MemberName, gate); // leak TC1001 direct
        return Ok();
    }
}
