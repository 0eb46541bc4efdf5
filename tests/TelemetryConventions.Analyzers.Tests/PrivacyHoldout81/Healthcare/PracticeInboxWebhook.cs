namespace PrivacyHoldout81.Healthcare;

/// <summary>
/// Inbound-parse webhook of Riverside Surgery's shared inboxes (reception@, prescriptions@, fitnotes@).
/// Patients write in from their own mail accounts; the subject and the text are whatever they typed,
/// often with their NHS number, date of birth and the medicines they need. Replies to the practice's
/// own mail come addressed to <c>prescriptions+{ticketId}@</c>.
/// </summary>
[ApiController]
[Route("hooks/inbound-mail")]
public sealed partial class PracticeInboxWebhook(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ITicketStore tickets,
    IPatientDirectory patients,
    ILogger<PracticeInboxWebhook> logger) : ControllerBase
{
    private static readonly Regex NhsNumberPattern = new(@"\b\d{3}\s?\d{3}\s?\d{4}\b", RegexOptions.Compiled);

    private readonly Counter<long> _rejected = meter.CreateCounter<long>("surgeryinbox.webhook.rejected");

    [HttpPost]
    public async Task<ActionResult> Receive([FromBody] InboundParseForm form, CancellationToken cancellationToken)
    {
        var envelope = SmtpEnvelope.Parse(form.Envelope);
        PlusAddress.TryParse(envelope.To[0], out var recipient);
        var sender = MailboxAddress.Parse(form.From);
        var spamScore = ProviderVerdicts.ParseSpamScore(form.SpamScore);
        var dkim = ProviderVerdicts.DkimResult(form.Dkim);

        using var intake = source.StartSurgeryinboxIntake(recipient.Mailbox)
            .SetSurgeryinboxSpamScore(spamScore) // clean precision-about
            .SetSurgeryinboxDkimResult(dkim) // clean precision-about
            .SetSurgeryinboxSenderDomain(sender.Domain); // clean precision-about

        logger.LogDebug("Inbound parse payload {@Form}", form); // leak TC1001 logging-objects
        logger.LogInformation("Mail for {Recipients} ({Count} RCPT TO)", string.Join(";", envelope.To), envelope.To.Count); // clean precision-about
        intake.Activity?.SetTag("mail.from", sender.Address); // leak TC1001 direct
        intake.Activity?.SetTag("mail.from.masked", AddressMask.Mask(sender.Address)); // clean precision-about
        intake.Activity?.SetTag("mail.subject", form.Subject); // leak TC1001 direct

        if (spamScore >= 5.0)
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", "spam"), new KeyValuePair<string, object?>("mailbox", recipient.Mailbox)); // clean precision-names
            logger.LogWarning("Dropped message to {Mailbox} with spam score {Score:0.0} ({Report})", recipient.Mailbox, spamScore, form.SpamReport?.Length); // clean precision-about
            return Ok();
        }

        var attachments = InboundAttachment.ParseAll(form.AttachmentInfo);
        intake.SetSurgeryinboxAttachmentCount(attachments.Count); // clean precision-about
        foreach (var attachment in attachments)
        {
            meter.CreateSurgeryinboxAttachmentSizeHistogram().Record(attachment.Size, attachment.Type); // clean precision-about
            logger.LogDebug("Attachment {Field}: {FileName} ({Type})", attachment.Field, attachment.FileName, attachment.Type); // leak TC1001 direct
        }

        var nhsNumber = NhsNumberPattern.Match(form.Text ?? string.Empty).Value.Replace(" ", string.Empty);
        var patient = nhsNumber.Length == 10 ? await patients.FindByNhsNumberAsync(nhsNumber, cancellationToken) : null;
        if (patient is null)
        {
            intake.SetSurgeryinboxOutcome("unmatched");
            LogUnmatched(logger, recipient.Mailbox, nhsNumber); // leak TC1001 direct
            intake.SetSurgeryinboxNote($"No patient for '{form.Subject}'"); // leak TC1001 generated-api
        }
        else
        {
            intake.SetSurgeryinboxSenderId(pseudonymizer.PseudonymizeSurgeryinboxSenderId(patient.NhsNumber)); // clean precision-pseudonym
            logger.LogInformation("Matched patient {Patient} registered at {Site}", pseudonymizer.ComputeSurgeryinboxSenderId(patient.NhsNumber), patient.RegisteredSite); // clean precision-pseudonym
        }

        var ticketId = recipient.Tag;
        if (ticketId is null)
        {
            var ticket = await tickets.OpenAsync(recipient.Mailbox, sender.Address, form.Subject, form.Text ?? string.Empty, cancellationToken);
            ticketId = ticket.TicketId;
        }

        intake.SetSurgeryinboxTicketId(ticketId); // clean precision-about
        intake.Activity?.SetTag(SurgeryinboxAttributes.SenderEmail, form.From); // leak TC1001 generated-api
        meter.CreateSurgeryinboxMessagesReceivedCounter().Add(1, recipient.Mailbox, "ticketed", dkim); // clean precision-about
        return Ok(new { ticketId });
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "No registered patient matched mail to {Mailbox} (NHS number {NhsNumber})")]
    private static partial void LogUnmatched(ILogger logger, string mailbox, string nhsNumber);
}

public sealed record RegisteredPatient(string NhsNumber, string FamilyName, string RegisteredSite);

public interface IPatientDirectory
{
    Task<RegisteredPatient?> FindByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken);

    Task<RegisteredPatient?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
