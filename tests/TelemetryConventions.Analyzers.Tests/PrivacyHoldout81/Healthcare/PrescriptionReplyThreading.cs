namespace PrivacyHoldout81.Healthcare;

/// <summary>
/// Threads patients' replies to the practice's prescription mail into the ticket they answer: the
/// practice's outbound Message-IDs carry the ticket id (<see cref="OutboundMessageIds"/>), so a reply's
/// In-Reply-To or References finds it. Messages that thread into nothing open a ticket.
/// </summary>
public sealed class PrescriptionReplyThreading(
    ITicketStore tickets,
    Pseudonymizer pseudonymizer,
    IPatientDirectory patients,
    ILogger<PrescriptionReplyThreading> logger)
{
    private const string PracticeDomain = "riverside-surgery.example";

    private string? _lastUnthreadedSender;

    public async Task<string> ThreadAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var span = activity.EnrichSurgeryinboxIntake("prescriptions")
            .SetSurgeryinboxMessageId(message.MessageId); // clean precision-about

        var answered = message.References.Append(message.InReplyTo).LastOrDefault(id => OutboundMessageIds.TryReadTicket(id, PracticeDomain, out _));
        if (answered is not null && OutboundMessageIds.TryReadTicket(answered, PracticeDomain, out var ticketId))
        {
            activity?.SetTag("mail.in_reply_to", answered); // clean precision-about
            activity?.SetTag("mail.references.count", message.References.Count); // clean precision-about
            span.SetSurgeryinboxTicketId(ticketId).SetSurgeryinboxOutcome("threaded"); // clean precision-about
            await tickets.AppendAsync(ticketId, message, cancellationToken);
            logger.LogInformation("Reply to {OutboundMessageId} appended to {TicketId}", answered, ticketId); // clean precision-about
            return ticketId;
        }

        var from = message.From.Mailboxes.First();
        _lastUnthreadedSender = from.Address;
        logger.LogInformation("Unthreaded mail from {SenderName}, opening a ticket", from.Name); // leak TC1001 direct
        var patient = await patients.FindByEmailAsync(from.Address, cancellationToken);
        if (patient is not null)
        {
            span.SetSurgeryinboxSenderId(pseudonymizer.PseudonymizeSurgeryinboxSenderId(patient.NhsNumber)); // clean precision-pseudonym
            activity?.SetTag("patient.family_name", patient.FamilyName); // leak TC1001 direct
        }

        var ticket = await tickets.OpenAsync("prescriptions", from.Address, message.Subject, message.TextBody ?? string.Empty, cancellationToken);
        logger.LogInformation("Opened {@Ticket}", ticket); // leak TC1001 logging-objects
        activity?.SetStatus(ActivityStatusCode.Ok, $"opened {ticket.TicketId} in {ticket.Queue}"); // clean precision-about
        return ticket.TicketId;
    }

    public void ReportParseFailure(Exception exception, string rawFromHeader)
    {
        if (exception is AddressParseException parse)
        {
            logger.LogWarning(parse, "Could not read the From header"); // leak TC1001 exceptions
            Activity.Current?.AddException(parse); // leak TC1001 exceptions
            return;
        }

        if (exception is MimeParseException mime)
        {
            logger.LogWarning(mime, "MIME parse failed at offset {Offset}", mime.Offset); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, mime.Message); // clean exceptions
        }
    }

    public void LogLastUnthreaded() =>
        logger.LogDebug("Last unthreaded sender was {Sender}", _lastUnthreadedSender); // leak TC1001 cross-member
}
