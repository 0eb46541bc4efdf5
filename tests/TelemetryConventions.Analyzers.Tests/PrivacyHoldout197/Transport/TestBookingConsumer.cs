namespace PrivacyHoldout197.Transport;

/// <summary>Consumes test booking changes from the booking platform; the topic is keyed by the candidate's licence number.</summary>
public sealed class TestBookingConsumer(IConsumer<string, TestBooking> consumer, TestBookingStore store, CandidateNotifier notifier,
    Pseudonymizer pseudonymizer, TelemetrySecrets secrets, DrivingTestOptions options, ILogger<TestBookingConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("RoadReady.Bookings");
    private static readonly Meter BookingMeter = new("RoadReady.Bookings");
    private static readonly Counter<long> Changes = BookingMeter.CreateCounter<long>("bookings.changes");
    private static readonly Histogram<int> LeadDays = BookingMeter.CreateHistogram<int>("bookings.lead_days");

    private string _lastLicence = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("booking.change", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            var booking = result.Message.Value;
            _lastLicence = booking.LicenceNumber;
            try
            {
                await HandleAsync(booking, activity, stoppingToken);
            }
            catch (SlotNotAvailableException ex)
            {
                activity?.AddException(ex); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "Slot gone for booking {Booking}", booking.BookingReference); // clean exceptions
            }
            catch (LicenceNotFoundException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError(ex, "Booking {Booking} names an unknown licence", booking.BookingReference); // leak TC1001 exceptions
                Baggage.SetBaggage("failed.licence", ex.LicenceNumber); // leak TC1001 direct
            }

            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(TestBooking booking, Activity? activity, CancellationToken ct)
    {
        activity?.SetTag("booking.reference", booking.BookingReference); // clean precision-names
        activity?.SetTag("booking.centre", booking.CentreCode); // clean precision-names
        activity?.SetTag("booking.category", booking.Category); // clean precision-names
        activity?.SetTag("booking.candidate_email", booking.CandidateEmail); // leak TC1001 direct
        activity?.SetTag("booking.candidate", pseudonymizer.Pseudonymize(Spaces.Candidate, booking.LicenceNumber)); // clean precision-pseudonym
        activity?.SetTag("booking.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.LicenceNumber))[0] % 16); // clean hashes
        activity?.SetTag("booking.dedupe", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.LicenceNumber + booking.Slot.ToString("O"))))); // leak TC1002 hashes
        logger.LogInformation("Booking changed {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booking changed {@Summary}", new BookingSummary(booking.BookingReference, booking.CentreCode, booking.Slot, booking.Category, "changed")); // clean logging-objects
        Changes.Add(1, new KeyValuePair<string, object?>("category", booking.Category), new KeyValuePair<string, object?>("centre", booking.CentreCode)); // clean precision-names
        Changes.Add(1, new KeyValuePair<string, object?>("licence", booking.LicenceNumber)); // leak TC1003 direct
        LeadDays.Record((booking.Slot - DateTime.UtcNow).Days, new KeyValuePair<string, object?>("attempt", booking.Attempt)); // clean precision-about
        if (booking.Attempt > options.MaxRebookAttempts)
        {
            LogTooManyAttempts(booking.Attempt);
        }

        store.Save(booking);
        await notifier.SendAsync(booking.CandidateEmail, $"Your test at {booking.CentreCode} is on {booking.Slot:f}", ct);
        logger.LogInformation("Notified {Recipient} about {Booking}", booking.CandidateEmail, booking.BookingReference); // leak TC1001 direct
    }

    private void LogTooManyAttempts(int attempts)
    {
        logger.LogWarning("Licence {Licence} has booked {Attempts} tests", _lastLicence, attempts); // leak TC1001 cross-member
        logger.LogWarning("Last booking had {Attempts} attempts, licence length {Length}", attempts, _lastLicence.Length); // clean cross-member
    }
}
