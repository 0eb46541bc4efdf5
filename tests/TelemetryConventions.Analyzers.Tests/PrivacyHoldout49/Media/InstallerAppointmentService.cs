using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Media;

public sealed record AvailabilityWindow(DateOnly Day, string Band);

public sealed record InstallAppointment(
    string AppointmentId,
    Guid SubscriberId,
    string SubscriberEmail,
    string ContactPhone,
    string Postcode,
    string SetTopBoxSerial,
    string Package,
    IReadOnlyList<AvailabilityWindow> Availability,
    string? AccessNotes);

public sealed record AppointmentBooked(string AppointmentId, string InstallerId, AvailabilityWindow Window, string RouteId);

/// <summary>Books satellite and broadband installers into the windows the subscriber says they are at home.</summary>
public sealed class InstallerAppointmentService(
    IInstallerCalendar calendar,
    ISmsSender sms,
    ILogger<InstallerAppointmentService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Media.Installs");
    private readonly Counter<long> _bookings = meter.CreateCounter<long>("installs.booked");

    public async Task<AppointmentBooked?> BookAsync(InstallAppointment appointment, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("installs.book");
        activity?.SetTag("install.appointment.id", appointment.AppointmentId); // clean precision-names
        activity?.SetTag("install.package", appointment.Package); // clean precision-names
        activity?.SetTag("install.windows", appointment.Availability.Count); // clean precision-about
        activity?.SetTag("install.windows.bands", string.Join(",", appointment.Availability.Select(w => w.Band).Distinct())); // clean precision-about
        activity?.SetTag("install.subscriber", appointment.SubscriberId.ToString("N")); // leak TC1001 direct
        activity?.SetTag("install.subscriber_email_domain", appointment.SubscriberEmail.Split('@')[^1]); // clean precision-about
        activity?.SetTag("install.set_top_box", appointment.SetTopBoxSerial); // leak TC1001 direct

        foreach (var window in appointment.Availability)
        {
            var slot = await calendar.TryReserveAsync(appointment.Postcode, window, cancellationToken);
            if (slot is null)
            {
                logger.LogDebug("No installer in {Band} on {Day} for {Postcode}", window.Band, window.Day, appointment.Postcode); // leak TC1001 direct
                continue;
            }

            _bookings.Add(1, new KeyValuePair<string, object?>("band", window.Band)); // clean precision-about
            _bookings.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeFieldClientId(appointment.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym

            var confirmation = $"Your engineer will call on {window.Day:d} ({window.Band}). Reply STOP to cancel.";
            await sms.SendAsync(appointment.ContactPhone, confirmation, cancellationToken);
            logger.LogInformation("Confirmation sent for {AppointmentId}: {Text}", appointment.AppointmentId, confirmation); // clean strings
            logger.LogInformation("Confirmation sent to {Phone}", appointment.ContactPhone); // leak TC1001 direct
            return slot;
        }

        logger.LogWarning("Unbookable appointment {@Appointment}", appointment); // leak TC1001 logging-objects
        logger.LogWarning("Unbookable appointment {AppointmentId} with {Windows} windows", appointment.AppointmentId, appointment.Availability.Count); // clean logging-objects
        return null;
    }

    public void RecordAccessNotes(InstallAppointment appointment, string installerId)
    {
        using var span = Source.StartFieldVisit("satellite_install");
        span.SetFieldJobId(appointment.AppointmentId); // clean generated-api
        span.SetFieldWorkerId(pseudonymizer.PseudonymizeFieldWorkerId(installerId)); // clean generated-api
        span.SetFieldClientId(Pseudonym.FromComputed(appointment.SubscriberId.ToString())); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag(FieldAttributes.ClientContact, pseudonymizer.Compute("field.client.contact", appointment.ContactPhone)); // leak TC1001 precision-pseudonym
        span.SetFieldVisitNote(appointment.AccessNotes is null ? "no access notes" : "access notes on job sheet"); // clean generated-api
    }
}

public interface IInstallerCalendar
{
    Task<AppointmentBooked?> TryReserveAsync(string postcode, AvailabilityWindow window, CancellationToken cancellationToken);
}
