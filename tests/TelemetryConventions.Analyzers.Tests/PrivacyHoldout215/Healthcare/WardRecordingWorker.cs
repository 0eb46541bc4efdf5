namespace PrivacyHoldout215.Healthcare;

/// <summary>Uploads bedside lesson recordings and pays visiting tutors once a lesson is marked as given.</summary>
public sealed class WardRecordingWorker(
    IQueueReceiver<LessonRecording> recordings,
    IRecordingStorage storage,
    IMarketplaceStore store,
    IPayoutGateway payouts,
    Pseudonymizer pseudonymizer,
    ILogger<WardRecordingWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Healthcare.Recordings");

    private readonly Histogram<double> _uploadSeconds = meter.CreateHistogram<double>("hospital_school.recording.upload", "s");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var recording = await recordings.ReceiveAsync(stoppingToken);
            if (recording is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("recording.upload");
            activity?.SetTag("recording.id", recording.RecordingId); // clean precision-names
            activity?.SetTag("recording.duration_s", recording.Duration.TotalSeconds); // clean precision-about
            activity?.SetTag("recording.blob", recording.BlobPath); // leak TC1001 direct
            activity?.SetTag("recording.status", recording.Status); // clean precision-about
            var started = Stopwatch.GetTimestamp();
            await storage.UploadAsync(recording.BlobPath, [], stoppingToken);
            _uploadSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("status", recording.Status)); // clean precision-about
            meter.CreateCarelearnOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "recordings"); // clean generated-api
            logger.LogInformation("Uploaded {Recording}", recording); // leak TC1001 logging-objects

            var booking = await store.FindBookingAsync(recording.BookingId, stoppingToken);
            if (booking is null)
            {
                logger.LogWarning(new BookingNotFoundException(recording.BookingId), "No booking for recording"); // clean exceptions
                continue;
            }

            var tutor = await store.FindTutorAsync(booking.TutorId, stoppingToken);
            var student = pseudonymizer.PseudonymizeCarelearnClientId(booking.StudentId);
            activity?.SetTag("student.pseudonym", student); // clean precision-pseudonym
            meter.CreateCounter<long>("hospital_school.recordings").Add(1, new KeyValuePair<string, object?>("student", student)); // leak TC1003 precision-pseudonym
            activity?.SetTag("tutor.id", booking.TutorId); // leak TC1001 direct
            activity?.SetTag("tutor.subject_count", tutor?.Subjects.Length ?? 0); // clean precision-names

            var payout = new TutorPayout(Guid.NewGuid().ToString("N"), booking.TutorId, tutor?.FullName ?? "", "20-00-00", "12345678", 35m);
            try
            {
                await payouts.PayAsync(payout, stoppingToken);
                activity?.SetTag("payout.amount", payout.Amount); // clean precision-about
            }
            catch (PayoutRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError("Payout {PayoutId} rejected ({Type})", payout.PayoutId, ex.GetType().Name); // clean exceptions
                var span = new CarelearnOperationSpan(activity);
                span.SetCarelearnNote($"payout rejected for {payout.PayeeName}"); // leak TC1001 generated-api
                logger.LogCarelearnOperationFailedEvent("payouts", "rejected", student, "payout rejected by provider"); // clean generated-api
            }
            catch (PaymentsProviderUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                Baggage.SetBaggage("tutor.id", booking.TutorId); // leak TC1001 direct
            }
        }
    }
}
