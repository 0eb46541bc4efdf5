using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Hangfire;
using PrivacyHoldout15.Support.Twilio;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Healthcare;

public sealed record Appointment(Guid Id, string PatientMrn, string ClinicCode, string ClinicianName, DateTimeOffset StartsAt, string Location);

public sealed record PatientContact(
    string Mrn,
    string GivenName,
    string FamilyName,
    string? MobileNumber,
    string? Email,
    bool SmsConsent,
    string PreferredLanguage,
    TimeZoneInfo TimeZone);

public interface IPatientContactStore
{
    Task<PatientContact?> FindAsync(string mrn, CancellationToken cancellationToken);
}

public interface IAppointmentStore
{
    Task<Appointment?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Appointment>> ForDayAsync(DateOnly day, CancellationToken cancellationToken);

    Task MarkReminderScheduledAsync(Guid id, string jobId, CancellationToken cancellationToken);
}

public sealed class SmsOptions
{
    public string FromNumber { get; set; } = "+441234000000";

    public Uri StatusCallback { get; set; } = new("https://clinic.example/webhooks/twilio/status");

    public int ReminderLeadHours { get; set; } = 24;
}

public sealed class ReminderTemplates
{
    public const string ReminderTemplateId = "appt-reminder-sms-v4";

    public string Reminder(PatientContact contact, Appointment appointment)
    {
        var culture = CultureInfo.GetCultureInfo(contact.PreferredLanguage);
        var local = TimeZoneInfo.ConvertTime(appointment.StartsAt, contact.TimeZone);
        return string.Format(
            culture,
            "Hi {0}, this is a reminder of your appointment with {1} at {2:t} on {2:d}, {3}. Reply C to cancel.",
            contact.GivenName,
            appointment.ClinicianName,
            local,
            appointment.Location);
    }
}

/// <summary>Runs nightly and puts one delayed reminder job per appointment in the Hangfire store.</summary>
public sealed class AppointmentReminderScheduler(
    IBackgroundJobClient jobs,
    IAppointmentStore appointments,
    IOptions<SmsOptions> options,
    Pseudonymizer pseudonymizer,
    ILogger<AppointmentReminderScheduler> logger,
    TimeProvider clock)
{
    private static readonly ActivitySource Source = new("Clinic.Reminders");

    public async Task<int> ScheduleForDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var run = Source.StartJobRun("reminder-scheduling").SetJobQueue("default");
        var list = await appointments.ForDayAsync(day, cancellationToken);
        var scheduled = 0;
        foreach (var appointment in list)
        {
            var remindAt = appointment.StartsAt.AddHours(-options.Value.ReminderLeadHours);
            if (remindAt <= clock.GetUtcNow())
            {
                continue;
            }

            var jobId = jobs.Schedule<AppointmentReminderJob>(job => job.SendAsync(appointment.Id, appointment.PatientMrn, CancellationToken.None), remindAt); // leak TC1001 cross-member
            await appointments.MarkReminderScheduledAsync(appointment.Id, jobId, cancellationToken);
            logger.LogDebug("Scheduled reminder job {JobId} for appointment {AppointmentId} at {RemindAt}", jobId, appointment.Id, remindAt); // clean precision-names
            scheduled++;
        }

        run.SetJobItemCount(scheduled);
        logger.LogInformation("Scheduled {Count} reminders for {Day} across {Clinics} clinics", scheduled, day, list.Select(a => a.ClinicCode).Distinct().Count()); // clean precision-about
        return scheduled;
    }

    public void Cancel(Appointment appointment, string jobId)
    {
        jobs.Delete(jobId);
        logger.LogInformation("Cancelled reminder {JobId} for patient {PatientMrn}", jobId, appointment.PatientMrn); // leak TC1001 direct
    }

    public string Reschedule(Appointment appointment, string oldJobId, DateTimeOffset newStart)
    {
        jobs.Delete(oldJobId);
        var jobId = jobs.Schedule<AppointmentReminderJob>(job => job.SendAsync(appointment.Id, appointment.PatientMrn, CancellationToken.None), newStart.AddHours(-options.Value.ReminderLeadHours)); // leak TC1001 cross-member
        Activity.Current?.SetTag("reminder.patient", pseudonymizer.ComputeJobSubjectId(appointment.PatientMrn)); // clean precision-pseudonym
        Activity.Current?.SetTag("reminder.job.replaced", oldJobId); // clean precision-names
        return jobId;
    }
}

[AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 60, 300, 900 })]
[Queue("notifications")]
public sealed class AppointmentReminderJob(
    IAppointmentStore appointments,
    IPatientContactStore contacts,
    ITwilioRestClient twilio,
    IOptions<SmsOptions> options,
    ReminderTemplates templates,
    Pseudonymizer pseudonymizer,
    ILogger<AppointmentReminderJob> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Clinic.Reminders");

    public async Task SendAsync(Guid appointmentId, string mrn, CancellationToken cancellationToken)
    {
        using var run = Source.StartJobRun("appointment-reminder").SetJobSubjectId(pseudonymizer.PseudonymizeJobSubjectId(mrn)); // clean precision-pseudonym
        run.Activity?.SetTag("reminder.mrn", mrn); // leak TC1001 direct

        var appointment = await appointments.GetAsync(appointmentId, cancellationToken);
        if (appointment is null)
        {
            run.SetJobOutcome("skipped: appointment cancelled");
            return;
        }

        var contact = await contacts.FindAsync(mrn, cancellationToken);
        if (contact?.MobileNumber is null || !contact.SmsConsent)
        {
            logger.LogInformation("No SMS for appointment {AppointmentId}: mobile on file {HasMobile}, consent {Consent}", appointmentId, contact?.MobileNumber is not null, contact?.SmsConsent ?? false); // clean precision-about
            return;
        }

        var body = templates.Reminder(contact, appointment);
        using var send = Source.StartNotifySend(NotifyChannel.Sms).SetNotifyTemplateId(ReminderTemplates.ReminderTemplateId); // clean precision-names
        try
        {
            var message = await MessageResource.CreateAsync(to: new PhoneNumber(contact.MobileNumber), from: options.Value.FromNumber, body: body, statusCallback: options.Value.StatusCallback, client: twilio); // clean direct
            send.SetNotifyMessageId(message.Sid).SetNotifyStatus(message.Status.ToString()).SetNotifyProvider("twilio"); // clean precision-names
            logger.LogInformation("Reminder {Sid} queued for {To}", message.Sid, message.To); // leak TC1001 cross-member
            logger.LogDebug("Reminder text ({Segments} segments): {Body}", message.NumSegments, body); // leak TC1001 strings
            meter.CreateNotifySentCounter().Add(1, NotifyChannel.Sms, "twilio", message.Status.ToString()); // clean precision-names
        }
        catch (ApiException ex) when (ex.Code is 21211 or 21614)
        {
            // 21211 reads "The 'To' number +447700900123 is not a valid phone number."
            send.RecordException(ex, "invalid destination number"); // clean exceptions
            send.SetNotifyDetail(ex.Message); // leak TC1001 generated-api
            logger.LogWarning(ex, "Twilio rejected the number for appointment {AppointmentId} (code {Code})", appointmentId, ex.Code); // leak TC1001 exceptions
        }
        catch (ApiException ex)
        {
            logger.LogWarning("Twilio error {Code} (HTTP {Status}) for appointment {AppointmentId}, see {MoreInfo}", ex.Code, ex.Status, appointmentId, ex.MoreInfo); // clean exceptions
            throw new InvalidOperationException($"Twilio error {ex.Code} for appointment {appointmentId}");
        }
    }
}
