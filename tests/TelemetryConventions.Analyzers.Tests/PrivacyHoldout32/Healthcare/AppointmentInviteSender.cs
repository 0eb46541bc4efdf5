using System;
using System.Diagnostics;
using System.Net.Mail;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Calendaring;
using PrivacyHoldout32.Support.Notifications;

namespace PrivacyHoldout32.Healthcare;

public sealed record PatientDemographics(string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Mobile);

public interface IPatientDirectory
{
    Task<PatientDemographics> GetAsync(string nhsNumber, CancellationToken cancellationToken);
}

/// <summary>Mails the patient an iCalendar invitation (METHOD:REQUEST) for a booked appointment, and its cancellation.</summary>
public sealed class AppointmentInviteSender(IEmailSender email, IPatientDirectory directory, ILogger<AppointmentInviteSender> logger)
{
    private const string Mailbox = "outpatients@example-trust.nhs.uk";
    private static readonly CalendarSerializer Serializer = new();

    public async Task SendAsync(Appointment appointment, string? to, CancellationToken cancellationToken)
    {
        if (to is null)
        {
            logger.LogDebug("No email address for {AppointmentId}; the letter is the invitation", appointment.Id);
            return;
        }

        var patient = await directory.GetAsync(appointment.NhsNumber, cancellationToken);
        var calendar = new Calendar { Method = "REQUEST" };
        calendar.AddTimeZone("Europe/London");
        var invite = new CalendarEvent
        {
            Uid = $"{appointment.Id:N}@outpatients.example-trust.nhs.uk",
            Summary = $"Outpatient appointment for {patient.GivenName} {patient.FamilyName}",
            Location = appointment.ClinicCode,
            DtStart = new CalDateTime(appointment.Start.UtcDateTime),
            DtEnd = new CalDateTime(appointment.Start.UtcDateTime.AddMinutes(20)),
            Organizer = new Organizer("mailto:" + Mailbox) { CommonName = "Outpatients" },
        };
        invite.Attendees.Add(new Attendee("mailto:" + to) { CommonName = $"{patient.GivenName} {patient.FamilyName}", Rsvp = true });
        invite.Alarms.Add(new Alarm { Trigger = TimeSpan.FromHours(-24), Summary = "Hospital appointment tomorrow" });
        calendar.Events.Add(invite);
        var ics = Serializer.SerializeToString(calendar);

        Activity.Current?.SetTag("invite.uid", invite.Uid); // clean precision-about
        Activity.Current?.SetTag("invite.attendees", invite.Attendees.Count); // clean precision-names
        Activity.Current?.SetTag("patient.age_band", AgeBand(patient.DateOfBirth)); // clean precision-about
        logger.LogTrace("Invitation for {AppointmentId}: {Ics}", appointment.Id, ics); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("invite.built", tags: new ActivityTagsCollection { ["invite.summary"] = invite.Summary })); // leak TC1001 strings

        using var message = new MailMessage(Mailbox, to, "Your outpatient appointment", "Your appointment is attached.");
        message.Attachments.Add(Attachment.CreateAttachmentFromString(ics, "appointment.ics", Encoding.UTF8, "text/calendar"));
        try
        {
            await email.SendAsync(message, cancellationToken);
        }
        catch (SmtpFailedRecipientException ex)
        {
            logger.LogWarning(ex, "Invitation for {AppointmentId} refused by the mail server", appointment.Id); // leak TC1001 exceptions
            Activity.Current?.SetTag("invite.smtp_status", (int)ex.StatusCode); // clean exceptions
        }
        catch (SmtpException ex)
        {
            logger.LogWarning(ex, "Invitation for {AppointmentId} not sent", appointment.Id); // clean exceptions
        }
    }

    private static string AgeBand(DateOnly dateOfBirth)
    {
        var age = DateTime.Today.Year - dateOfBirth.Year;
        return age switch { < 16 => "child", < 65 => "adult", _ => "older-adult" };
    }
}
