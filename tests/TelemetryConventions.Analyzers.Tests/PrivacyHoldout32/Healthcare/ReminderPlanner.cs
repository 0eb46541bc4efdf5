using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Jobs;
using PrivacyHoldout32.Support.Notifications;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Healthcare;

public sealed record ReminderDetails(Guid AppointmentId, string NhsNumber, string GivenName, string Mobile, string ClinicName, DateTimeOffset Start, string Status);

public interface IAppointmentReader
{
    Task<ReminderDetails> GetReminderDetailsAsync(Guid appointmentId, CancellationToken cancellationToken);

    Task<ReminderDetails?> NextForMobileAsync(string mobile, CancellationToken cancellationToken);

    Task CancelAsync(Guid appointmentId, string reason, CancellationToken cancellationToken);
}

/// <summary>Schedules the SMS reminder two days before, at ten in the morning London time.</summary>
public sealed class ReminderPlanner(IBackgroundJobClient jobs, ILogger<ReminderPlanner> logger)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public void Plan(Appointment appointment, bool hasMobile)
    {
        if (!hasMobile)
        {
            logger.LogInformation("No mobile for {AppointmentId}; reminder goes by letter", appointment.Id); // clean precision-about
            return;
        }

        var local = TimeZoneInfo.ConvertTime(appointment.Start, London);
        var sendLocal = local.Date.AddDays(-2).AddHours(10);
        var sendAt = new DateTimeOffset(sendLocal, London.GetUtcOffset(sendLocal));
        var jobId = jobs.Schedule<AppointmentReminderJob>(job => job.SendAsync(appointment.Id, CancellationToken.None), sendAt); // clean precision-about
        logger.LogInformation("Reminder job {JobId} for {AppointmentId} at {SendAt:o} ({Zone})", jobId, appointment.Id, sendAt, London.Id); // clean precision-about
    }
}

public sealed class AppointmentReminderJob(IAppointmentReader appointments, ISmsClient sms, Pseudonymizer pseudonymizer, ILogger<AppointmentReminderJob> logger)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task SendAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        var details = await appointments.GetReminderDetailsAsync(appointmentId, cancellationToken);
        if (details.Status == "Cancelled")
        {
            return;
        }

        var local = TimeZoneInfo.ConvertTime(details.Start, London);
        var body = $"Hi {details.GivenName}, a reminder of your appointment at {details.ClinicName} on {local:ddd d MMM} at {local:HH:mm}. Reply C to cancel.";
        logger.LogDebug("Reminder text for {AppointmentId}: {Body}", appointmentId, body); // leak TC1001 strings
        Activity.Current?.SetTag("reminder.segments", (body.Length + 152) / 153);
        try
        {
            var receipt = await sms.SendAsync(new SmsMessage(details.Mobile, "OUTPATIENT", body), cancellationToken);
            logger.LogBookingReminderSentEvent("sms", pseudonymizer.PseudonymizeBookingSubjectId(details.NhsNumber)); // clean precision-pseudonym
            logger.LogInformation("Reminder {Sid} for {AppointmentId}: {Status}", receipt.Sid, appointmentId, receipt.Status); // clean precision-about
        }
        catch (SmsApiException ex) when (ex.Code is 21211 or 21614 or 21610)
        {
            logger.LogWarning(ex, "Reminder for {AppointmentId} undeliverable ({Code})", appointmentId, ex.Code); // leak TC1001 exceptions
            Activity.Current?.SetTag("reminder.error", ex.Code); // clean exceptions
        }
    }
}

/// <summary>Handles replies to reminders posted by the SMS provider's webhook ("C" cancels).</summary>
public sealed class ReminderReplyWebhook(IAppointmentReader appointments, ILogger<ReminderReplyWebhook> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Reminders");

    public async Task HandleAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("reminder.reply");
        logger.LogDebug("Inbound reply fields {Fields}", string.Join(",", form.Keys.Order()));
        var from = form["From"];
        var text = form["Body"].Trim();
        activity?.SetTag("reply.country_prefix", from.Length > 3 ? from[..3] : "unknown"); // clean precision-about
        if (!text.Equals("C", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Unrecognised reply {Text} to a reminder", text); // leak TC1001 direct
            return;
        }

        var next = await appointments.NextForMobileAsync(from, cancellationToken);
        if (next is null)
        {
            logger.LogWarning("Cancel reply from {Mobile} matches no upcoming appointment", from); // leak TC1001 direct
            return;
        }

        await appointments.CancelAsync(next.AppointmentId, "patient-sms", cancellationToken);
        activity?.SetTag("appointment.cancelled", next.AppointmentId);
    }
}
