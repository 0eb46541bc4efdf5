using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Notifications;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Transport;

public sealed record AssistanceBooking(Guid AssistanceId, string BookingReference, string PassengerName, string Mobile, string Station, DateTimeOffset MeetAt, string AssistanceType);

public interface IAssistanceStore
{
    Task<IReadOnlyList<AssistanceBooking>> DueWithinAsync(TimeSpan window, CancellationToken cancellationToken);

    Task<int> StaffOnShiftAsync(string station, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>
/// Passenger assistance must be booked two hours ahead; the day-before job texts the passenger and
/// warns stations whose bookings outnumber the staff on shift.
/// </summary>
public sealed class AssistedTravelReminderJob(IAssistanceStore store, ISmsClient sms, Pseudonymizer pseudonymizer, ILogger<AssistedTravelReminderJob> logger)
{
    private static readonly ActivitySource Source = new("Rail.Assistance");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("assistance.reminders");
        var due = await store.DueWithinAsync(TimeSpan.FromHours(24), cancellationToken);
        activity?.SetTag("assistance.due", due.Count); // clean precision-about

        foreach (var station in due.GroupBy(b => b.Station))
        {
            var staff = await store.StaffOnShiftAsync(station.Key, station.Min(b => b.MeetAt), cancellationToken);
            if (station.Count() > staff)
            {
                logger.LogWarning("{Station}: {Bookings} assistance bookings for {Staff} staff", station.Key, station.Count(), staff); // clean precision-about
                logger.LogWarning("{Station} passengers at risk: {Passengers}", station.Key, string.Join("; ", station.Select(b => b.PassengerName))); // leak TC1001 strings
            }
        }

        foreach (var booking in due)
        {
            var text = $"Hello {booking.PassengerName}, staff will meet you at {booking.Station} at {booking.MeetAt:HH:mm} tomorrow. Ref {booking.BookingReference}.";
            try
            {
                await sms.SendAsync(new SmsMessage(booking.Mobile, "RAILASSIST", text), cancellationToken);
                logger.LogBookingReminderSentEvent("sms", pseudonymizer.PseudonymizeBookingSubjectId(booking.BookingReference + "/" + booking.PassengerName), bookingNote: booking.AssistanceType); // clean precision-pseudonym
            }
            catch (SmsApiException ex) when (ex.Code == 21211)
            {
                logger.LogDebug("Assistance booking with a bad mobile {@Booking}", booking); // leak TC1001 logging-objects
                logger.LogWarning("Invalid mobile for assistance {AssistanceId}: {Error}", booking.AssistanceId, ex.Message); // leak TC1001 exceptions
                logger.LogBookingRejectedEvent($"invalid mobile {booking.Mobile}", booking.Station); // leak TC1001 generated-api
            }
        }
    }
}
