namespace PrivacyHoldout81.Education;

/// <summary>
/// Polls the admissions@ IMAP inbox of Northfield Academy. Parents and carers write about in-year
/// applications; subjects name the child ("Application for Amelia Jones, Year 7") and attachments are
/// birth certificates, proofs of address and reports whose file names the parents chose.
/// </summary>
public sealed class AdmissionsMailboxPoller(
    IMailFolder inbox,
    ActivitySource source,
    Meter meter,
    ILogger<AdmissionsMailboxPoller> logger) : BackgroundService
{
    private readonly Histogram<long> _attachmentBytes = meter.CreateHistogram<long>("admitinbox.attachment.bytes", "By");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var unseen = await inbox.SearchUnseenAsync(stoppingToken);
        logger.LogInformation("{Folder}: {Unseen} unseen of {Total}", inbox.FullName, unseen.Count, inbox.Count); // clean precision-names
        foreach (var uid in unseen)
        {
            var message = await inbox.GetMessageAsync(uid, stoppingToken);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["ImapUid"] = uid, ["MessageId"] = message.MessageId }); // clean precision-about
            using var intake = source.StartAdmissionsIntake(message);

            logger.LogInformation("New admissions mail from {From}", message.From); // leak TC1001 logging-objects
            logger.LogDebug("{FromCount} sender(s), {CcCount} in copy", message.From.Count, message.Cc.Count); // clean precision-about
            intake.Activity?.SetTag("mail.cc", message.Cc.ToString()); // leak TC1001 logging-objects

            var normalised = MailTemplates.Normalise(message.Subject);
            if (MailTemplates.All.Contains(normalised))
            {
                intake.Activity?.SetTag("mail.subject.template", normalised); // clean precision-about
            }
            else
            {
                intake.Activity?.SetTag("mail.subject", normalised); // leak TC1001 strings
            }

            foreach (var part in message.Attachments)
            {
                _attachmentBytes.Record(part.Length, new KeyValuePair<string, object?>("content_type", part.ContentType.MimeType)); // clean precision-about
                intake.Activity?.AddEvent(new ActivityEvent("mail.attachment", tags: new ActivityTagsCollection { ["file.name"] = part.FileName, ["file.size"] = part.Length })); // leak TC1001 direct
                logger.LogDebug("Part {ContentType}", part.ContentType); // leak TC1001 logging-objects
                logger.LogDebug("Part type {MediaType}/{Subtype}", part.ContentType.MediaType, part.ContentType.MediaSubtype); // clean precision-about
            }

            await inbox.MoveToAsync(uid, "Processed", stoppingToken);
        }
    }
}

internal static class AdmissionsSpans
{
    /// <summary>Starts the intake span for a message of the admissions inbox, with the sender's domain.</summary>
    public static AdmitinboxIntakeSpan StartAdmissionsIntake(this ActivitySource source, MimeMessage message) =>
        source.StartAdmitinboxIntake("admissions")
            .SetAdmitinboxMessageId(message.MessageId)
            .SetAdmitinboxSenderDomain(message.From.Mailboxes.First().Domain)
            .SetAdmitinboxAttachmentCount(message.Attachments.Count);
}
