namespace PrivacyHoldout81.Energy;

/// <summary>
/// Sends the "thanks, we've got your reading" reply and records what went into it. The
/// acknowledgement quotes the reading back to the customer and greets them by the account holder's name.
/// </summary>
public sealed class ReadingReplyAcknowledger(
    ISmtpRelay relay,
    Meter meter,
    ILogger<ReadingReplyAcknowledger> logger)
{
    private const string SupplierDomain = "brightgrid.example";

    public async Task AcknowledgeAsync(MimeMessage reply, AccountHolder holder, MeterReadingSubmission reading, string caseId, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var ack = new MimeMessage
        {
            MessageId = OutboundMessageIds.For(caseId, SupplierDomain),
            InReplyTo = reply.MessageId,
            Subject = $"Re: {MailTemplates.MeterReadingReminderSubject} [{caseId}]",
            TextBody = $"Hello {holder.FullName}, we've recorded {reading.Value} on your {reading.Register} register.",
        };
        ack.To.Add(new MailboxAddress(holder.FullName, reply.From.Mailboxes.First().Address));

        activity?.SetTag("ack.message_id", ack.MessageId); // clean precision-about
        activity?.SetTag("ack.subject", ack.Subject); // clean precision-about
        activity?.SetTag("ack.to", ack.To[0].ToString()); // leak TC1001 logging-objects
        logger.LogDebug("Acknowledgement body: {Body}", ack.TextBody); // leak TC1001 strings
        activity?.SetTag("account.holder", holder.FullName); // leak TC1001 direct

        try
        {
            await relay.SendAsync(ack, cancellationToken);
            meter.CreateReadinginboxMessagesReceivedCounter().Add(1, "readings", "acknowledged");
        }
        catch (SmtpCommandException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{ex.StatusCode} for {ex.Mailbox}"); // leak TC1001 exceptions
            logger.LogWarning("Acknowledgement for case {CaseId} refused with {Code}", caseId, ex.StatusCode); // clean exceptions
        }
    }
}

public sealed record AccountHolder(string AccountNumber, string FullName, string Tariff);
