using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Healthcare;

public sealed record Appointment(string AppointmentId, string ClinicCode, DateTimeOffset StartsAt, string PatientMrn, string PatientMobile, string? CarerEmail);

public sealed record ReminderSent(string AppointmentId, string Channel, string Recipient, int Attempt);

public interface IAppointmentBook
{
    IAsyncEnumerable<Appointment> DueForReminderAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

public interface ISmsGateway
{
    Task<(bool Delivered, string? ProviderError)> SendAsync(string mobile, string text, CancellationToken cancellationToken);
}

/// <summary>What the reminder job knows about the appointment it is working on.</summary>
public sealed class ReminderContext
{
    public required Appointment Appointment { get; init; }

    public string Recipient => Appointment.CarerEmail ?? Appointment.PatientMobile;

    public string Channel => Appointment.CarerEmail is null ? "sms" : "email";

    public string TemplateId => Appointment.CarerEmail is null ? "sms-reminder-v3" : "email-reminder-v2";

    public override string ToString() => $"{Appointment.AppointmentId} for {Appointment.PatientMrn}";
}

public sealed class SmsDeliveryException(string mobile, string providerError)
    : Exception($"SMS to {mobile} failed: {providerError}");

/// <summary>Sends appointment reminders the day before.</summary>
public sealed class AppointmentReminderJob(IAppointmentBook book, ISmsGateway sms, Pseudonymizer pseudonymizer, ILogger<AppointmentReminderJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Clinic.Reminders");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = new Dictionary<string, string>();
        await foreach (var appointment in book.DueForReminderAsync(DateTimeOffset.UtcNow.AddDays(1), stoppingToken))
        {
            var context = new ReminderContext { Appointment = appointment };
            using var activity = Source.StartActivity("clinic.reminder.send");
            activity?.SetTag("clinic.appointment.id", appointment.AppointmentId); // clean precision-names
            activity?.SetTag("clinic.reminder.template_id", context.TemplateId); // clean precision-names
            activity?.SetTag("clinic.reminder.channel", context.Channel); // clean precision-about
            activity?.SetTag("clinic.reminder.recipient", context.Recipient); // leak TC1001 cross-member
            activity?.SetTag("clinic.reminder.context", context.ToString()); // leak TC1001 cross-member
            logger.LogInformation("Sending reminder {Context}", context); // leak TC1001 logging-objects
            activity?.SetTag(PharmacyAttributes.PatientId, pseudonymizer.PseudonymizePharmacyPatientId(appointment.PatientMrn)); // clean precision-pseudonym

            var (delivered, providerError) = await sms.SendAsync(appointment.PatientMobile, $"Reminder: {appointment.StartsAt:g} at {appointment.ClinicCode}", stoppingToken);
            if (!delivered)
            {
                failures[appointment.PatientMrn] = providerError ?? "unknown";
                var error = new SmsDeliveryException(appointment.PatientMobile, providerError ?? "unknown");
                activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
                logger.LogWarning(error, "Reminder for appointment {AppointmentId} not delivered", appointment.AppointmentId); // leak TC1001 exceptions
                logger.LogWarning("Reminder for appointment {AppointmentId} not delivered: {ProviderError}", appointment.AppointmentId, providerError); // clean exceptions
                continue;
            }
            logger.LogInformation("Reminder delivered {@Sent}", new ReminderSent(appointment.AppointmentId, context.Channel, context.Recipient, 1)); // leak TC1001 logging-objects
        }

        using var summary = Source.StartActivity("clinic.reminder.summary");
        summary?.SetTag("clinic.reminder.failures", failures.Count); // clean precision-about
        summary?.SetTag("clinic.reminder.failed_patients", string.Join(",", failures.Keys)); // leak TC1001 strings
        var byError = failures.GroupBy(f => f.Value).Select(g => $"{g.Key}={g.Count()}");
        summary?.SetTag("clinic.reminder.errors", string.Join(";", byError)); // clean strings
        var detail = new StringBuilder();
        foreach (var (mrn, reason) in failures)
        {
            detail.AppendFormat("{0}: {1}; ", mrn, reason);
        }
        logger.LogInformation("Reminder failures: {Detail}", detail); // leak TC1001 strings
    }
}
