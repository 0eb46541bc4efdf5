namespace PrivacyHoldout81.Gaming;

/// <summary>
/// Threads player replies into tickets. Outbound support mail is sent with Message-IDs from
/// <see cref="OutboundMessageIds"/> and the auto-acknowledgement subject
/// <see cref="MailTemplates.SupportAutoAckSubject"/> with the ticket in brackets.
/// </summary>
public sealed class SupportTicketThreading(
    ITicketStore tickets,
    ILogger<SupportTicketThreading> logger)
{
    private const string StudioDomain = "emberfall.example";

    private readonly List<string> _unthreadedSubjects = new();

    public async Task<string?> ThreadAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var replyToOurs = OutboundMessageIds.TryReadTicket(message.InReplyTo, StudioDomain, out var ticketId);
        activity?.SetTag("mail.in_reply_to", message.InReplyTo); // clean precision-about
        activity?.SetTag("mail.thread.depth", message.References.Count + 1); // clean precision-about

        if (!replyToOurs)
        {
            _unthreadedSubjects.Add(message.Subject);
            logger.LogInformation("Unthreaded mail: {Message}", message); // leak TC1001 logging-objects
            logger.LogDebug("Not a reply to our mail: {MessageId} references {References}", message.MessageId, string.Join(" ", message.References)); // clean precision-about
            return null;
        }

        var ticket = await tickets.FindAsync(ticketId, cancellationToken);
        if (ticket is null)
        {
            logger.LogWarning("Reply {InReplyTo} names unknown ticket {TicketId}", message.InReplyTo, ticketId); // clean precision-about
            return null;
        }

        var normalised = MailTemplates.Normalise(message.Subject);
        if (normalised == MailTemplates.SupportAutoAckSubject)
        {
            activity?.SetTag("mail.subject", normalised); // clean precision-about
        }
        else
        {
            activity?.SetTag("mail.subject.changed", true);
            if (activity is not null)
            {
                activity.DisplayName = $"reply {ticket.TicketId}: {normalised}"; // leak TC1001 strings
            }
        }

        logger.LogInformation("Reply threaded into {Ticket}", ticket); // leak TC1001 logging-objects
        logger.LogInformation("Reply threaded into {TicketId} ({Queue}, {Status})", ticket.TicketId, ticket.Queue, ticket.Status); // clean precision-about
        activity?.SetTag("ticket.requester", ticket.RequesterEmail); // leak TC1001 direct
        activity?.SetTag("ticket.requester.domain", ticket.RequesterEmail[(ticket.RequesterEmail.IndexOf('@') + 1)..]); // clean precision-about
        await tickets.AppendAsync(ticket.TicketId, message, cancellationToken);
        return ticket.TicketId;
    }

    public void Flush()
    {
        logger.LogInformation("{Count} unthreaded subjects this run: {Subjects}", _unthreadedSubjects.Count, _unthreadedSubjects); // leak TC1001 cross-member
        _unthreadedSubjects.Clear();
    }
}
