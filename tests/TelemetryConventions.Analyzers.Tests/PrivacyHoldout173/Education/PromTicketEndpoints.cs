namespace PrivacyHoldout173.Education;

/// <summary>The sixth form prom's ticket sales: students buy a ticket, name a plus-one and pick a meal.</summary>
public static partial class PromTicketEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Sixth.Prom");
    private static readonly Meter Meter = new("Trust.Sixth.Prom");
    private static readonly Counter<long> Tickets = Meter.CreateCounter<long>("prom.tickets.sold");
    private static readonly Histogram<int> PartySize = Meter.CreateHistogram<int>("prom.party.size");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/prom/tickets", BuyAsync);
        routes.MapGet("/prom/tickets/{ticketId}", Get);
    }

    private static async Task<ActionResult> BuyAsync(PromTicket ticket, ILogger<PromTicket> logger, Pseudonymizer pseudonymizer, IEventMessenger messenger)
    {
        using var activity = Source.StartActivity("prom.ticket.buy");
        activity?.SetTag("prom.school", ticket.School); // clean precision-about
        activity?.SetTag("prom.ticket.id", ticket.TicketId); // clean precision-names
        activity?.SetTag("student.number", ticket.StudentNumber); // leak TC1001 direct
        activity?.SetTag("prom.has_plus_one", ticket.PlusOneName is not null); // clean precision-about

        Tickets.Add(1, new KeyValuePair<string, object?>("school", ticket.School), new KeyValuePair<string, object?>("diet", ticket.DietCode)); // clean precision-about
        Tickets.Add(1, new KeyValuePair<string, object?>("student", ticket.StudentNumber)); // leak TC1003 direct
        PartySize.Record(ticket.PlusOneName is null ? 1 : 2, new KeyValuePair<string, object?>("school", ticket.School)); // clean precision-about

        if (ticket.PlusOneName is { } plusOne)
        {
            LogPlusOne(logger, ticket.StudentName, plusOne); // clean logging-objects
            LogPlusOneUnclassified(logger, ticket.TicketId, plusOne); // leak TC1001 logging-objects
        }

        var student = pseudonymizer.PseudonymizeCampuseventsGuestId(ticket.StudentNumber);
        logger.LogInformation("Ticket {TicketId} sold to {Student}", ticket.TicketId, student); // clean precision-pseudonym
        activity?.AddBaggage("prom.student", ticket.StudentNumber); // leak TC1001 direct

        await messenger.SendAsync(ticket.StudentNumber + "@students.example.sch.uk", "tpl-prom-ticket");
        return new OkResult(ticket.TicketId);
    }

    private static ActionResult Get(string ticketId, ILogger<PromTicket> logger)
    {
        logger.LogInformation("Ticket {TicketId} looked up", ticketId); // clean precision-names
        return new OkResult(null);
    }

    private static ActionResult Refund(PromTicket ticket, string reason, ILogger<PromTicket> logger, bool onRoll)
    {
        using var activity = Source.StartActivity("prom.ticket.refund");
        activity?.SetTag("prom.refund.reason", reason); // clean precision-about
        Tickets.Add(-1, new KeyValuePair<string, object?>("school", ticket.School)); // clean precision-about
        var note = string.Format(CultureInfo.InvariantCulture, "Refund {0} for {1} ({2})", ticket.TicketId, ticket.StudentName, reason);
        logger.LogInformation(note); // leak TC1001 strings
        try
        {
            if (!onRoll)
            {
                throw new GuestNotFoundException(ticket.StudentNumber);
            }
        }
        catch (GuestNotFoundException ex)
        {
            logger.LogWarning("Refund failed: {Error}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Refund failed: {ErrorType}", ex.GetType().Name); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "student not on roll"); // clean exceptions
        }
        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{StudentName} brings {PlusOne}")]
    private static partial void LogPlusOne(ILogger logger, [PrivateData] string studentName, [PrivateData] string plusOne);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} names plus-one {PlusOne}")]
    private static partial void LogPlusOneUnclassified(ILogger logger, string ticketId, string plusOne);
}
