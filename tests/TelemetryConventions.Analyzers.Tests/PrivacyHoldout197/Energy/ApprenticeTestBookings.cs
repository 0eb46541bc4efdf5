namespace PrivacyHoldout197.Energy;

/// <summary>Books and cancels practical tests for apprentices through the test agency's business booking API.</summary>
public sealed class ApprenticeTestBookings(TestBookingStore store, CandidateNotifier notifier, ILogger<ApprenticeTestBookings> logger)
{
    private static readonly ActivitySource Source = new("Grid.ApprenticeTests");

    public async Task CancelAsync(string bookingReference, string reason, CancellationToken ct)
    {
        using var activity = Source.StartActivity("apprentice.test.cancel");
        activity?.SetTag("booking.reference", bookingReference); // clean precision-names
        activity?.SetTag("booking.cancel_reason", reason); // clean precision-about
        var booking = store.Find(bookingReference);
        if (booking is null)
        {
            var gone = new BookingGatewayException(404, bookingReference);
            activity?.AddException(gone); // clean exceptions
            logger.LogWarning(gone, "Cancel failed"); // clean exceptions
            return;
        }

        store.Cancel(bookingReference);
        await notifier.SendAsync(booking.CandidateEmail, $"Your test {bookingReference} was cancelled: {reason}", ct);
        activity?.SetTag("booking.notice_days", (booking.Slot - DateTime.UtcNow).Days); // clean precision-about
        activity?.SetTag("booking.notified", booking.CandidateEmail); // leak TC1001 direct
        logger.LogInformation("Cancelled {Booking} for {Licence}", bookingReference, booking.LicenceNumber); // leak TC1001 direct
        logger.LogInformation("Cancelled {Booking}", booking with { CandidateEmail = string.Empty }); // leak TC1001 logging-objects
        logger.LogInformation("Cancelled {Booking} at {Centre} in {Category}", bookingReference, booking.CentreCode, booking.Category); // clean precision-names
        try
        {
            if (booking.Slot < DateTime.UtcNow.AddDays(3))
            {
                throw new CentreClosedException(booking.CentreCode, "inside the notice period");
            }
        }
        catch (CentreClosedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    public void Summarise(IReadOnlyList<TestBooking> week)
    {
        using var activity = Source.StartActivity("apprentice.test.week");
        activity?.SetTag("week.bookings", week.Count); // clean precision-about
        activity?.SetTag("week.centres", string.Join(",", week.Select(b => b.CentreCode).Distinct())); // clean strings
        activity?.SetTag("week.candidates", string.Join(",", week.Select(b => b.LicenceNumber))); // leak TC1001 strings
        activity?.SetTag("week.first_test", week.Count > 0 ? week.Min(b => b.Slot).ToString("O") : null); // clean precision-about
    }
}
