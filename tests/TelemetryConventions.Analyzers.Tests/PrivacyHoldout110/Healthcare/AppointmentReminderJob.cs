namespace PrivacyHoldout110.Healthcare;

public sealed record ReminderTarget(string AppointmentId, string NhsNumber, string GivenName, string Mobile, string? Email, string Clinic, string ClinicianName, DateTimeOffset Start);

public interface IReminderTargets
{
    Task<ReminderTarget?> FindAsync(string appointmentId, CancellationToken cancellationToken);
}

/// <summary>
/// Hangfire job scheduled two days before each appointment: texts the patient and, when an email is on
/// file, sends an iCalendar invitation the patient's calendar can add.
/// </summary>
public sealed class AppointmentReminderJob(
    IReminderTargets targets,
    IMailSender mail,
    MessagingOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<AppointmentReminderJob> logger)
{
    private static readonly ActivitySource Source = new("Outpatients.Reminders");
    private static readonly Meter Meter = new("Outpatients.Reminders");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("outpatients.reminders.sent");

    public static string ScheduleFor(IBackgroundJobClient jobs, string appointmentId, DateTimeOffset start) =>
        jobs.Schedule<AppointmentReminderJob>(job => job.SendAsync(appointmentId, CancellationToken.None), start - DateTimeOffset.UtcNow - TimeSpan.FromHours(48));

    public async Task SendAsync(string appointmentId, CancellationToken cancellationToken)
    {
        using var span = Source.StartClinicbookReminder("sms").SetClinicbookSlotId(appointmentId); // clean precision-names
        var target = await targets.FindAsync(appointmentId, cancellationToken);
        if (target is null)
        {
            logger.LogInformation("Appointment {AppointmentId} gone before its reminder", appointmentId); // clean precision-names
            return;
        }

        span.SetClinicbookPatientId(pseudonymizer.PseudonymizeClinicbookPatientId(target.NhsNumber)); // clean precision-pseudonym
        var body = $"Hi {target.GivenName}, a reminder of your {target.Clinic} appointment on {target.Start:ddd d MMM 'at' HH:mm}. Reply C to cancel.";
        try
        {
            var message = await MessageResource.CreateAsync(target.Mobile, options.SenderNumber, body);
            span.SetClinicbookOutcome(message.Status); // clean generated-api
            Activity.Current?.SetTag("sms.sid", message.Sid); // clean precision-names
            logger.LogDebug("Reminder text {Body} queued as {Sid}", message.Body, message.Sid); // leak TC1001 strings
            Sent.Add(1, new KeyValuePair<string, object?>("channel", "sms"), new("clinic", target.Clinic)); // clean precision-names
        }
        catch (ApiException ex) when (ex.Code == 21211 || ex.Code == 21614)
        {
            span.SetClinicbookOutcome("invalid_number").RecordException(ex); // clean exceptions
            logger.LogWarning("Reminder for {AppointmentId} refused by the SMS provider: {Error}", appointmentId, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("sms.error_code", ex.Code); // clean exceptions
        }

        if (target.Email is null)
        {
            Activity.Current?.SetTag("reminder.has_email", false); // clean precision-about
            return;
        }

        var invite = new CalendarEvent
        {
            Uid = $"apt-{target.AppointmentId}@outpatients.example.org",
            Summary = $"{target.Clinic} appointment",
            Description = $"Appointment for {target.GivenName} with {target.ClinicianName}. Please arrive 10 minutes early.",
            Location = target.Clinic,
            DtStart = new CalDateTime(target.Start.UtcDateTime),
            DtEnd = new CalDateTime(target.Start.UtcDateTime.AddMinutes(20)),
        };
        invite.Attendees.Add(new Attendee($"mailto:{target.Email}") { CommonName = target.GivenName, Rsvp = false });
        var calendar = new Calendar { Method = "REQUEST" };
        calendar.Events.Add(invite);
        var ics = new CalendarSerializer().SerializeToString(calendar);

        using var icsSpan = Source.StartClinicbookReminder("ics").SetClinicbookSlotId(appointmentId);
        icsSpan.Activity?.SetTag("ical.uid", invite.Uid); // clean precision-names
        icsSpan.Activity?.SetTag("ical.summary", invite.Summary); // clean strings
        icsSpan.Activity?.AddEvent(new ActivityEvent("ical.built", tags: new ActivityTagsCollection { ["ical.description"] = invite.Description })); // leak TC1001 strings
        logger.LogDebug("Invitation attendee {Attendee}", invite.Attendees[0]); // leak TC1001 logging-objects
        logger.LogTrace("Invitation body {Ics}", ics); // leak TC1001 strings
        icsSpan.Activity?.SetTag("ical.attendees", invite.Attendees.Count); // clean precision-about

        var message2 = new MailMessage(options.FromAddress, target.Email, invite.Summary, invite.Description);
        try
        {
            await mail.SendAsync(message2, cancellationToken);
            icsSpan.SetClinicbookOutcome("sent").SetClinicbookNote($"invite to {target.Email.Split('@')[1]}"); // clean precision-about
        }
        catch (SmtpFailedRecipientException ex)
        {
            icsSpan.RecordException(ex, "recipient refused", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Invitation bounced with status {Status}", ex.StatusCode); // clean exceptions
        }
    }
}
