namespace PrivacyHoldout81.Healthcare;

/// <summary>
/// Sorts machine-written mail out of the reception inbox: out-of-office replies to the practice's
/// appointment reminders, auto-submitted notices, and delivery status notifications for reminders
/// that could not be delivered (the patient's address is then flagged for reception to check).
/// </summary>
public sealed partial class AppointmentMailBounces(
    Meter meter,
    KeyedShards shards,
    ILogger<AppointmentMailBounces> logger)
{
    private readonly Counter<long> _bounces = meter.CreateCounter<long>("surgeryinbox.bounces");

    public bool TryHandle(MimeMessage message, DeliveryStatus? status)
    {
        var kind = AutoReplyDetector.Classify(message);
        if (kind == AutoReplyKind.None)
        {
            return false;
        }

        var activity = Activity.Current;
        activity?.SetTag("mail.auto_reply.kind", kind.ToString()); // clean precision-about
        activity?.SetTag("mail.auto_submitted", message.Headers["Auto-Submitted"]); // clean precision-about
        if (kind == AutoReplyKind.OutOfOffice)
        {
            logger.LogInformation("Out-of-office reply: {Subject}", message.Subject); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("mail.out_of_office", tags: new ActivityTagsCollection { ["template"] = MailTemplates.AppointmentReminderSubject })); // clean precision-about
            return true;
        }

        if (status is null)
        {
            return true;
        }

        logger.LogWarning("Reminder not delivered: {Status}", status); // leak TC1001 logging-objects
        LogBounce(logger, status.Status, status.ReportingMta, status.OriginalMessageId); // clean precision-about
        activity?.SetTag("dsn.diagnostic", status.DiagnosticCode); // leak TC1001 direct
        activity?.SetTag("dsn.recipient.masked", AddressMask.Mask(status.OriginalRecipient)); // clean precision-about
        activity?.SetTag("dsn.recipient.shard", shards.Shard(status.OriginalRecipient, 32)); // clean hashes

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(status.OriginalRecipient.ToLowerInvariant())));
        activity?.SetTag("dsn.recipient.hash", digest); // leak TC1002 hashes
        _bounces.Add(1, new TagList { { "status", status.Status }, { "permanent", status.IsPermanent } }); // clean precision-about
        _bounces.Add(1, new TagList { { "recipient_domain", status.OriginalRecipient.Split('@')[1] } }); // clean precision-about
        FlagAddress(logger, status.OriginalRecipient); // clean precision-about
        return true;
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Bounce {Status} reported by {Mta} for reminder {MessageId}")]
    private static partial void LogBounce(ILogger logger, string status, string mta, string messageId);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "Flagged address {Address} for reception to check")]
    private static partial void FlagAddress(ILogger logger, [PrivateData] string address);
}
