namespace PrivacyHoldout179.Media;

/// <summary>Audience tickets for recordings, checked at the studio door.</summary>
public sealed partial class AudienceTicketRepository(ILogger<AudienceTicketRepository> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Broadcast.Audience");
    private readonly Dictionary<string, AudienceTicket> _tickets = new();
    private readonly Histogram<double> _queueMinutes = meter.CreateHistogram<double>("audience.queue.minutes");

    public AudienceTicket? CheckIn(string ticketId, string mobile)
    {
        using var activity = Source.StartActivity("audience.checkin");
        activity?.SetTag("db.system", "postgresql"); // clean precision-names
        activity?.SetTag("db.statement", "SELECT * FROM tickets WHERE ticket_id = @id AND mobile = @mobile"); // clean strings
        activity?.SetTag("db.statement", $"SELECT * FROM tickets WHERE ticket_id = '{ticketId}' AND mobile = '{mobile}'"); // leak TC1001 strings
        activity?.SetTag("audience.ticket.id", ticketId); // clean precision-names
        activity?.SetTag("audience.mobile_prefix", mobile[..4]); // clean precision-about

        if (!_tickets.TryGetValue(ticketId, out var ticket))
        {
            logger.LogWarning("No ticket {TicketId}", ticketId); // clean precision-names
            return null;
        }

        activity?.SetTag("audience.recording", ticket.Recording); // clean precision-names
        activity?.SetTag("audience.holder", ticket.HolderName); // leak TC1001 direct
        activity?.SetTag("audience.holder.ref", pseudonymizer.ComputeNewsroomdeskVisitorId(ticket.Mobile)); // clean precision-pseudonym
        logger.LogInformation("Audience member checked in: {Ticket}", ticket); // leak TC1001 logging-objects
        logger.LogInformation("Audience member checked in: {@Ticket}", new { ticket.TicketId, ticket.Recording }); // clean logging-objects
        LogAudience(logger, ticket.Mobile, ticket.Recording); // leak TC1001 direct
        _queueMinutes.Record(7, new KeyValuePair<string, object?>("recording", ticket.Recording)); // clean precision-names
        _queueMinutes.Record(7, new KeyValuePair<string, object?>("holder", pseudonymizer.PseudonymizeNewsroomdeskVisitorId(ticket.Mobile).Value)); // leak TC1003 precision-pseudonym

        try
        {
            throw new VisitorNotFoundException(ticket.TicketId + "/" + ticket.Mobile);
        }
        catch (VisitorNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogError("Lookup failed for {Ticket}: {Error}", ticket.TicketId, ex.GetType().Name); // clean exceptions
        }

        try
        {
            throw new BadgePrinterJamException("studio-b-printer", 3);
        }
        catch (BadgePrinterJamException ex)
        {
            logger.LogWarning(ex, "Badge printer jammed"); // clean exceptions
            activity?.AddException(ex); // clean exceptions
        }

        var key = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(ticket.Mobile)));
        activity?.SetTag("audience.holder.key", key); // leak TC1002 hashes
        return ticket;
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Audience member {Mobile} in for {Recording}")]
    private static partial void LogAudience(ILogger logger, string mobile, string recording);
}
