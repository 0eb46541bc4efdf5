namespace PrivacyHoldout92.Media;

/// <summary>Box-office and will-call lookups: by surname, by email or by order number, and season members by number.</summary>
[ApiController]
[Route("api/boxoffice/{venue}")]
public sealed partial class WillCallDesk(ITicketStore tickets, ISeasonMembers members, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<WillCallDesk> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Venue.BoxOffice");
    private static readonly Meter Meter = new("Venue.BoxOffice");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("boxoffice.willcall.lookups");

    [HttpGet("willcall")]
    public async Task<ActionResult> SearchAsync(string venue, string eventId, string? surname, string? email, string? order, CancellationToken cancellationToken)
    {
        using var span = Source.StartBoxofficeWillcall(venue);
        var query = new WillCallQuery(surname, email, order, eventId);
        var by = order is not null ? "order" : email is not null ? "email" : "surname";
        span.SetBoxofficeEvent(eventId);
        Lookups.Add(1, new KeyValuePair<string, object?>("boxoffice.lookup.by", by));
        logger.LogInformation("Will-call search {Query}", query); // leak TC1001 logging-objects
        logger.LogInformation("Will-call search at {Venue} by {By}", venue, by); // clean precision-about

        var matches = await tickets.SearchWillCallAsync(query, cancellationToken);
        span.SetBoxofficeOutcome(matches.Count == 0 ? "not-found" : "found");
        logger.LogInformation("Matches {Matches}", string.Join("; ", matches)); // clean logging-objects
        if (matches.Count == 0 && email is not null)
        {
            span.Activity?.SetTag(BoxofficeAttributes.CustomerContact, email); // leak TC1001 generated-api
            LogNoMatch(logger, email); // clean logging-objects
        }
        else if (matches.Count == 0 && surname is not null)
        {
            logger.LogInformation("No will-call envelope for surname {Surname}", surname); // leak TC1001 direct
            logger.LogInformation("No will-call envelope for a {Length}-letter surname starting {Initial}", surname.Length, surname[0]); // clean precision-about
        }
        else if (matches.Count > 0)
        {
            span.SetBoxofficeBookingRef(matches[0].OrderNumber); // clean precision-names
        }
        return Ok(matches);
    }

    [HttpGet("members/{memberNumber}")]
    public async Task<ActionResult> MemberAsync(string venue, string memberNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("boxoffice.season.lookup");
        try
        {
            var membership = await members.FindAsync(memberNumber, cancellationToken);
            activity?.SetTag("boxoffice.season.tier", membership.Tier);
            activity?.SetTag("boxoffice.season.ticket", membership.SeasonTicketId); // clean precision-names
            activity?.SetTag("boxoffice.season.seats", membership.SeatsHeld);
            logger.LogInformation("Season membership {Membership}", membership); // leak TC1001 logging-objects
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(memberNumber))[0] & 0x0F;
            activity?.SetTag("boxoffice.member.shard", shard); // clean hashes
            activity?.SetTag("boxoffice.member.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(memberNumber)))); // leak TC1002 hashes
            activity?.SetTag(BoxofficeAttributes.CustomerId, pseudonymizer.ComputeBoxofficeCustomerId(memberNumber)); // clean precision-pseudonym
            return Ok(membership);
        }
        catch (MembershipNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("No membership at {Venue} ({Error})", venue, ex.GetType().Name); // clean exceptions
            return NotFound();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No will-call envelope for email {Email}")]
    private static partial void LogNoMatch(ILogger logger, [PrivateData] string email);
}

public interface ISeasonMembers
{
    Task<SeasonMembership> FindAsync(string memberNumber, CancellationToken cancellationToken);
}
