namespace PrivacyHoldout106.Healthcare;

/// <summary>A patient's reply to an appointment reminder text.</summary>
public sealed record ReminderReply(string MessageSid, string HospitalNumber, string AppointmentId, string Clinic, string Intent);

public interface IReminderLedger
{
    /// <summary>The last reminder sent to a number, with the appointment it was about.</summary>
    Task<(string HospitalNumber, string AppointmentId, string Clinic)?> LastReminderToAsync(string mobile, CancellationToken cancellationToken = default);
}

public interface IAppointmentBook
{
    Task ConfirmAsync(string appointmentId, CancellationToken cancellationToken = default);

    Task RequestRescheduleAsync(string appointmentId, string patientText, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Twilio webhook of the outpatient reminder number: patients answer C to confirm, R to rebook,
/// STOP to opt out of texts, HELP for the switchboard, and some send photos the clinic asked for.
/// </summary>
public sealed partial class AppointmentReplyWebhook(
    ActivitySource source,
    Meter meter,
    ILogger<AppointmentReplyWebhook> logger,
    Pseudonymizer pseudonymizer,
    IReminderLedger ledger,
    IAppointmentBook book,
    ISmsClient sms,
    ISuppressionList suppression,
    IRequestValidator validator,
    GatewayOptions options)
{
    private readonly HcmsgMessagesCounter _messages = meter.CreateHcmsgMessagesCounter();
    private readonly HcmsgWebhookDurationHistogram _duration = meter.CreateHcmsgWebhookDurationHistogram();
    private readonly Counter<long> _replies = meter.CreateCounter<long>("hcmsg.reminder.replies");

    public async Task<string> HandleAsync(InboundSms inbound, string url, string signature, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartHcmsgInbound(inbound.NumMedia > 0 ? "mms" : "sms")
            .SetHcmsgDirection("inbound")
            .SetHcmsgMessageId(inbound.MessageSid); // clean precision-about

        if (!validator.Validate(url, inbound.Form, signature))
        {
            logger.LogWarning("Twilio signature {Signature} did not validate for {Url}", signature, url); // clean precision-names
            span.SetStatus(ActivityStatusCode.Error, "bad signature");
            return new MessagingResponse().ToString();
        }

        Activity.Current?.SetTag("sms.from", inbound.From); // leak TC1001 direct
        Activity.Current?.SetTag("sms.to", inbound.To); // clean precision-names
        Activity.Current?.SetTag("sms.from.country", inbound.FromCountry); // clean precision-about

        var keyword = StandardKeywords.Match(inbound.Body);
        if (keyword is not null)
        {
            span.SetHcmsgKeyword(keyword); // clean precision-about
            if (StandardKeywords.OptOut.Contains(keyword))
            {
                await suppression.AddAsync(new SuppressionEntry(inbound.From, "sms", SuppressionReason.SmsStop, "reminder-line", DateTimeOffset.UtcNow), cancellationToken);
                logger.LogInformation("Opt-out {Keyword} from {Mobile}; reminders by text stopped", keyword, inbound.From); // leak TC1001 logging-objects
                _messages.Add(1, "sms", "inbound", "opted-out"); // clean precision-about
            }

            return new MessagingResponse().Message("You will no longer get appointment texts. Call 0300 000 0000 for help.").ToString();
        }

        var last = await ledger.LastReminderToAsync(inbound.From, cancellationToken);
        if (last is not { } reminder)
        {
            logger.LogInformation("Reply {MessageSid} from a number with no reminder: {Body}", inbound.MessageSid, inbound.Body); // leak TC1001 strings
            span.SetHcmsgOutcome("unmatched");
            return new MessagingResponse().ToString();
        }

        span.SetHcmsgPatientId(pseudonymizer.PseudonymizeHcmsgPatientId(reminder.HospitalNumber)) // clean precision-pseudonym
            .SetHcmsgClinic(reminder.Clinic); // clean precision-about

        var intent = inbound.Body.Trim().ToUpperInvariant() switch
        {
            "C" or "YES" or "CONFIRM" => "confirm",
            "R" or "REBOOK" => "rebook",
            _ => "free-text",
        };
        span.SetHcmsgOutcome(intent); // clean precision-about

        var reply = new ReminderReply(inbound.MessageSid, reminder.HospitalNumber, reminder.AppointmentId, reminder.Clinic, intent);
        logger.LogDebug("Reminder reply {@Reply}", reply); // leak TC1001 logging-objects
        LogReplyMatched(logger, reminder.AppointmentId, reminder.Clinic, intent); // clean precision-names

        switch (intent)
        {
            case "confirm":
                await book.ConfirmAsync(reminder.AppointmentId, cancellationToken);
                break;
            case "rebook":
                await book.RequestRescheduleAsync(reminder.AppointmentId, inbound.Body, cancellationToken);
                break;
            default:
                span.SetHcmsgNote($"free text ({inbound.Body.Length} chars) for {reminder.AppointmentId}"); // clean precision-about
                span.SetHcmsgNote($"patient wrote: {ReplyParser.VisibleText(inbound.Body)}"); // leak TC1001 generated-api
                break;
        }

        if (inbound.NumMedia > 0)
        {
            span.SetHcmsgAttachmentCount(inbound.NumMedia); // clean precision-about
            foreach (var media in inbound.Media)
            {
                if (media.ContentType is not ("image/jpeg" or "image/png"))
                {
                    var refused = new MediaRejectedException(media.Sid, media.ContentType, 0);
                    span.RecordException(refused, includeMessage: true); // clean exceptions
                    continue;
                }

                var bytes = await sms.DownloadMediaAsync(media, cancellationToken);
                logger.LogInformation("Stored photo {MediaUrl} ({Bytes} bytes) for {Appointment}", media.Url, bytes.Length, reminder.AppointmentId); // clean precision-names
                var digest = Convert.ToHexString(SHA256.HashData(bytes));
                Activity.Current?.AddEvent(new ActivityEvent("photo.stored", tags: new ActivityTagsCollection { ["photo.sha256"] = digest })); // clean hashes
            }
        }

        _replies.Add(1, new KeyValuePair<string, object?>("clinic", reminder.Clinic), new KeyValuePair<string, object?>("intent", intent)); // clean precision-about
        _replies.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeHcmsgPatientId(reminder.HospitalNumber))); // leak TC1003 precision-pseudonym
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "sms", "received"); // clean precision-about

        return new MessagingResponse().Message(intent == "confirm" ? "Thank you, your appointment is confirmed." : "Thank you, the clinic will contact you.").ToString();
    }

    public async Task SendReminderAsync(string mobile, string hospitalNumber, string appointmentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var span = source.StartHcmsgSend("sms", "tpl-opd-reminder-v4");
        try
        {
            var resource = await sms.SendAsync(mobile, options.ShortCode, $"Reminder: appointment {appointmentId} on {at:dd MMM HH:mm}. Reply C to confirm, R to rebook.", cancellationToken: cancellationToken);
            span.SetHcmsgMessageId(resource.Sid); // clean precision-about
        }
        catch (SmsApiException ex) when (ex.Code is 21211 or 21610 or 21614)
        {
            span.SetHcmsgOutcome($"error-{ex.Code}"); // clean exceptions
            logger.LogWarning(ex, "Reminder for {Appointment} not sent", appointmentId); // leak TC1001 exceptions
            logger.LogHcmsgMessageRejectedEvent("sms", "undeliverable", pseudonymizer.PseudonymizeHcmsgPatientId(hospitalNumber), ex.MoreInfo); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reply for appointment {AppointmentId} at {Clinic} read as {Intent}")]
    private static partial void LogReplyMatched(ILogger logger, string appointmentId, string clinic, string intent);
}
