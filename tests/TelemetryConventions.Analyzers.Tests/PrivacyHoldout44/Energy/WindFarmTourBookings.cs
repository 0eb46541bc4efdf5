using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Energy;

public sealed record TourAttendee(string Name, string Email, bool Child, bool StepFreeAccess);

/// <summary>A booking for a guided tour of the offshore wind farm's visitor centre and boat trip.</summary>
public sealed record TourBooking(string TourId, DateOnly Day, string LeadEmail, IReadOnlyList<TourAttendee> Attendees);

public sealed class InvalidAttendeeEmailException(string email)
    : Exception($"Cannot send a boarding card to '{email}': the mailbox does not exist");

public sealed class TourFullException(string tourId, DateOnly day)
    : Exception($"Tour {tourId} on {day:yyyy-MM-dd} is full");

/// <summary>The confirmation being put together for one booking; the lead booker is fixed when it is created.</summary>
public sealed class TourConfirmation(TourBooking booking, Uri manageBase)
{
    private readonly string _leadEmail = booking.LeadEmail;

    public Uri ManageLink { get; } = new(manageBase, $"tours/{booking.TourId}/manage?email={Uri.EscapeDataString(booking.LeadEmail)}");

    public int Seats => booking.Attendees.Count;

    public void Annotate(Activity? activity)
    {
        activity?.SetTag("tour.seats", Seats); // clean precision-about
        activity?.SetTag("tour.lead", _leadEmail); // leak TC1001 cross-member
    }
}

public interface ITourMailer
{
    Task SendBoardingCardAsync(TourAttendee attendee, string tourId, CancellationToken cancellationToken);
}

public sealed class TourMailer(IEmailSender email, Func<string, Task<bool>> mailboxExists) : ITourMailer
{
    public async Task SendBoardingCardAsync(TourAttendee attendee, string tourId, CancellationToken cancellationToken)
    {
        if (!await mailboxExists(attendee.Email))
        {
            throw new InvalidAttendeeEmailException(attendee.Email);
        }

        await email.SendAsync(attendee.Email, $"Your boarding card for tour {tourId}", $"Dear {attendee.Name}, please bring this card to the harbour.", cancellationToken);
    }
}

public sealed class WindFarmTourBookings(ITourMailer mailer, Pseudonymizer pseudonymizer, ILogger<WindFarmTourBookings> logger)
{
    private static readonly Uri ManageBase = new("https://tours.example-wind.co.uk/");

    public async Task ConfirmAsync(TourBooking booking, int seatsLeft, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("tour.id", booking.TourId);
        if (booking.Attendees.Count > seatsLeft)
        {
            var full = new TourFullException(booking.TourId, booking.Day);
            activity?.AddException(full); // clean exceptions
            return;
        }

        var confirmation = new TourConfirmation(booking, ManageBase);
        confirmation.Annotate(activity);
        logger.LogInformation("Manage link sent: {Link}", confirmation.ManageLink); // leak TC1001 strings
        logger.LogInformation("Manage link path {Path}", confirmation.ManageLink.AbsolutePath); // clean strings

        var sends = Task.WhenAll(booking.Attendees.Select(a => mailer.SendBoardingCardAsync(a, booking.TourId, cancellationToken)));
        try
        {
            await sends;
        }
        catch (InvalidAttendeeEmailException)
        {
            logger.LogError(sends.Exception, "Boarding cards failed for {Failed} attendees of {TourId}", sends.Exception!.InnerExceptions.Count, booking.TourId); // leak TC1001 exceptions
        }

        logger.LogInformation("Attendees of {TourId}: {Attendees}", booking.TourId, booking.Attendees); // leak TC1001 logging-objects
        logger.LogInformation("{Children} children and {StepFree} step-free places on {TourId}", booking.Attendees.Count(a => a.Child), booking.Attendees.Count(a => a.StepFreeAccess), booking.TourId); // clean precision-about
    }

    public void Feedback(string tourId, string attendeeEmail, int stars, string? comment)
    {
        logger.LogVenueFeedbackReceivedEvent(tourId, venueAttendeeId: pseudonymizer.PseudonymizeVenueAttendeeId(attendeeEmail), venueNote: $"{stars} stars"); // clean precision-pseudonym
        logger.LogVenueFeedbackReceivedEvent(tourId, venueNote: comment); // leak TC1001 generated-api
    }
}
