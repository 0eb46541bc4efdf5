namespace PrivacyHoldout128.Education;

public sealed record TripConsentGiven(string TripId, string StudentNumber, string GuardianContactId, string GuardianName, bool Consented, string? MedicalNote);

/// <summary>Consumes the consent answers guardians give in the portal for school trips.</summary>
public sealed class TripConsentConsumer(
    IConsumer<string, TripConsentGiven> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<TripConsentConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.TripConsent");
    private static readonly Meter Meter = new("Trust.TripConsent");
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("trips.consent.answers");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var answer = result.Message.Value;
            using var activity = Source.StartActivity("trip.consent");
            // The consents topic is keyed by trip id.
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("trip.id", answer.TripId); // clean precision-names
            activity?.SetTag("trip.consented", answer.Consented); // clean precision-about
            activity?.SetTag("trip.has_medical_note", !string.IsNullOrEmpty(answer.MedicalNote)); // clean precision-about
            activity?.SetTag("trip.medical_note", answer.MedicalNote); // leak TC1001 direct
            activity?.SetTag("trip.student", pseudonymizer.ComputeFamlearnMemberId(answer.StudentNumber)); // clean precision-pseudonym
            Answers.Add(1, new("trip", answer.TripId), new("consented", answer.Consented)); // clean precision-names
            Answers.Add(1, new KeyValuePair<string, object?>("guardian.contact", answer.GuardianContactId)); // leak TC1003 direct

            logger.LogInformation("Consent {Consented} for trip {TripId}", answer.Consented, answer.TripId); // clean precision-about
            logger.LogInformation("Consent received {@Answer}", answer); // leak TC1001 logging-objects
            logger.LogInformation($"Consent from {answer.GuardianName} for trip {answer.TripId}"); // leak TC1001 strings
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }
}
