namespace PrivacyHoldout190.Healthcare;

public sealed record ReminderResponse(string NhsNumber, string SpeakerSerial, byte[] Audio, string Language, string MedicationCode);

/// <summary>Plays medication reminders on patients' speakers and transcribes what they answer.</summary>
public sealed class VoiceReminderWorker(
    IQueueReceiver<ReminderResponse> queue,
    IVoiceTranscriber transcriber,
    ILogger<VoiceReminderWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Telecare.Reminders");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var response = await queue.ReceiveAsync(stoppingToken);
            if (response is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("reminder.response");
            activity?.SetTag("reminder.medication_code", response.MedicationCode); // clean precision-names
            activity?.SetTag("reminder.language", response.Language); // clean precision-about
            try
            {
                var recording = await transcriber.TranscribeAsync(response.NhsNumber, response.Audio, response.Language, stoppingToken);
                activity?.SetTag("reminder.transcript", recording.Transcript); // leak TC1001 direct
                activity?.SetTag("reminder.transcript.words", recording.Transcript.Split(' ').Length); // clean precision-about
                logger.LogInformation("Reminder answered: {Recording}", recording); // leak TC1001 logging-objects
                logger.LogInformation("Reminder answered in {Seconds}s with confidence {Confidence}", recording.Duration.TotalSeconds, recording.Confidence); // clean precision-about
            }
            catch (TranscriptionFailedException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning("Speaker {Serial} answer not transcribed: {Error}", response.SpeakerSerial, ex.Message); // leak TC1001 direct
            }
        }
    }
}
