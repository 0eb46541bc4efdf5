namespace PrivacyHoldout145.Healthcare;

/// <summary>A reminder to send, as the outpatients system queues it.</summary>
public sealed record ReminderJob(PatientContact Patient, AppointmentReminder Reminder);

/// <summary>A patient's reply to a reminder, as the SMS gateway posts it back.</summary>
public sealed record PatientReply(string FromMobile, string Body, string AppointmentId, DateTimeOffset ReceivedAt);

/// <summary>
/// Texts outpatients their appointment reminders through the trust's SMS gateway and reads their replies
/// (C to cancel, anything else goes to the booking team).
/// </summary>
public sealed class AppointmentTextWorker(
    IQueueReceiver<ReminderJob> jobs,
    IQueueReceiver<PatientReply> replies,
    IPagingGateway gateway,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AppointmentTextWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Outpatients.Texts");

    private readonly Counter<long> _texts = meter.CreateCounter<long>("outpatients.texts.sent", "{text}");
    private readonly Counter<long> _replies = meter.CreateCounter<long>("outpatients.texts.replies", "{reply}");

    private readonly List<string> _unreachableNhsNumbers = new();
    private string? _lastFreeTextReply;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await jobs.ReceiveAsync(stoppingToken) is { } job)
            {
                await SendAsync(job, stoppingToken);
            }

            if (await replies.ReceiveAsync(stoppingToken) is { } reply)
            {
                Handle(reply);
            }
        }
    }

    private async Task SendAsync(ReminderJob job, CancellationToken ct)
    {
        using var span = Source.StartOncallOperation("royal-infirmary", "outpatients.reminder");
        span.SetOncallPatientId(pseudonymizer.PseudonymizeOncallPatientId(job.Patient.HospitalNumber)); // clean precision-pseudonym
        Activity.Current?.AddBaggage("outpatients.patient", pseudonymizer.ComputeOncallPatientId(job.Patient.HospitalNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("outpatients.appointment.id", job.Reminder.AppointmentId); // clean precision-names
        var text = $"Hi {job.Patient.PreferredName}, your {job.Reminder.Clinic} appointment is {job.Reminder.At:dd MMM HH:mm}. Reply C to cancel.";
        try
        {
            var messageId = await gateway.TextAsync(job.Patient.Mobile, text, ct);
            logger.LogInformation("Reminder {MessageId} for appointment {AppointmentId} sent", messageId, job.Reminder.AppointmentId); // clean precision-names
            logger.LogDebug("Reminder body {Body}", text); // leak TC1001 strings
            logger.LogDebug("Reminder for {Reminder}", job.Reminder); // clean logging-objects
            _texts.Add(1, new KeyValuePair<string, object?>("clinic", job.Reminder.Clinic), new KeyValuePair<string, object?>("reply.wanted", job.Reminder.ReplyWanted)); // clean precision-about
            meter.CreateOncallPagesCounter().Add(1, "royal-infirmary", "reminder-sent"); // clean generated-api
        }
        catch (SmsRejectedException ex)
        {
            _unreachableNhsNumbers.Add(job.Patient.NhsNumber);
            span.RecordException(ex, "sms-rejected"); // clean exceptions
            Activity.Current?.SetTag("outpatients.sms.error_code", ex.Code); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Reminder for {Patient} could not be texted", job.Patient); // leak TC1001 logging-objects
            meter.CreateOncallPagesCounter().Add(1, "royal-infirmary", $"rejected:{job.Patient.NhsNumber}"); // leak TC1003 generated-api
        }
    }

    private void Handle(PatientReply reply)
    {
        var cohort = HashCode.Combine(reply.FromMobile) & 0x0F;
        Activity.Current?.SetTag("outpatients.reply.cohort", cohort); // leak TC1002 hashes
        _replies.Add(1, new KeyValuePair<string, object?>("kind", reply.Body.Trim().Equals("C", StringComparison.OrdinalIgnoreCase) ? "cancel" : "free-text")); // clean precision-about
        if (!reply.Body.Trim().Equals("C", StringComparison.OrdinalIgnoreCase))
        {
            _lastFreeTextReply = reply.Body;
            logger.LogInformation("Free-text reply for appointment {AppointmentId}: {Length} characters", reply.AppointmentId, reply.Body.Length); // clean precision-about
            Activity.Current?.SetTag("outpatients.reply.body", reply.Body); // leak TC1001 direct
        }

        logger.LogDebug("Reply received {Reply}", reply); // leak TC1001 logging-objects
        Activity.Current?.SetTag("outpatients.reply.sender_hash", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(reply.FromMobile)))[..16]); // clean hashes
    }

    public void ReportDay()
    {
        logger.LogWarning("Patients not reachable by text today: {NhsNumbers}", string.Join(", ", _unreachableNhsNumbers)); // leak TC1001 cross-member
        logger.LogInformation("Patients not reachable by text today: {Count}", _unreachableNhsNumbers.Count); // clean cross-member
        logger.LogInformation("Last free-text reply: {Reply}", _lastFreeTextReply); // leak TC1001 cross-member
        logger.LogInformation("Last free-text reply had {Words} words", _lastFreeTextReply?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0); // clean cross-member
    }
}
