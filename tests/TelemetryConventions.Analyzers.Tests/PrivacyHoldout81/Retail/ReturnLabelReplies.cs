namespace PrivacyHoldout81.Retail;

/// <summary>
/// Handles replies to the returns-label mail (<see cref="MailTemplates.ReturnLabelSubject"/>). The label
/// mail is sent with a Message-ID from <see cref="OutboundMessageIds"/> for the return case (RET-…);
/// customers reply with questions, a new collection address or "I no longer want to return it".
/// </summary>
public sealed partial class ReturnLabelReplies(
    ITicketStore tickets,
    ILogger<ReturnLabelReplies> logger)
{
    private const string ShopDomain = "hartleycole.example";
    private static readonly Regex Postcode = new(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b");

    public async Task HandleAsync(MimeMessage reply, ReturnCase returnCase, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var outbound = reply.References.FirstOrDefault(id => OutboundMessageIds.TryReadTicket(id, ShopDomain, out _));
        activity?.SetTag("returns.label_message_id", outbound); // clean precision-about
        activity?.SetTag("returns.case", returnCase.CaseId); // clean precision-about
        LogReply(logger, returnCase.CaseId, MailTemplates.ReturnLabelSubject, reply.Attachments.Count); // clean precision-about
        logger.LogInformation("Return case {Case}", returnCase); // clean logging-objects

        var postcode = Postcode.Match(reply.TextBody ?? string.Empty);
        if (postcode.Success)
        {
            activity?.SetTag("returns.new_collection_postcode", postcode.Value); // leak TC1001 direct
            activity?.SetTag("returns.new_collection_district", postcode.Value.Split(' ')[0]); // clean precision-about
            logger.LogInformation("New collection address requested for {Case}: {Body}", returnCase.CaseId, reply.TextBody); // leak TC1001 direct
        }

        var ticket = await tickets.FindAsync(returnCase.CaseId, cancellationToken);
        if (ticket is not null)
        {
            var requester = ticket.RequesterEmail;
            logger.LogDebug("Ticket {TicketId} opened {Opened:d} by {Requester}", ticket.TicketId, ticket.OpenedAt, requester); // leak TC1001 cross-member
            activity?.SetTag("ticket.status", ticket.Status);
        }

        var signature = (reply.TextBody ?? string.Empty).Split("\n--", 2).ElementAtOrDefault(1);
        if (signature is not null)
        {
            activity?.SetTag("mail.signature.lines", signature.Split('\n').Length); // clean precision-about
            activity?.AddEvent(new ActivityEvent("mail.signature", tags: new ActivityTagsCollection { ["text"] = signature.Trim() })); // leak TC1001 direct
        }
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Reply on {Case} to '{Template}' with {Attachments} attachment(s)")]
    private static partial void LogReply(ILogger logger, string @case, string template, int attachments);
}

/// <summary>A return case: its id, the order, a reason code from the returns form's list, the status. Prints those.</summary>
public sealed record ReturnCase(string CaseId, string OrderNumber, string ReasonCode, string Status);
