namespace PrivacyHoldout161.Healthcare;

/// <summary>Consumes the insurer's repatriation cases and arranges stretcher seats.</summary>
public sealed class RepatriationConsumer(IConsumer<string, Repatriation> consumer, Pseudonymizer pseudonymizer, ILogger<RepatriationConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Hospital.Travel.Repatriation");
    private static readonly Meter Meter = new("Hospital.Travel.Repatriation");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var repatriation = result.Message.Value;
            using var activity = Source.StartActivity("repatriation.receive");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("repatriation.case", repatriation.CaseId); // clean precision-names
            activity?.SetTag("repatriation.airport", repatriation.Airport); // clean precision-names
            activity?.SetTag("repatriation.equipment", repatriation.Equipment); // clean precision-names
            logger.LogInformation("Repatriation case {@Case}", repatriation); // leak TC1001 logging-objects
            try
            {
                Arrange(repatriation);
            }
            catch (PatientNotClearedException ex)
            {
                logger.LogWarning(ex, "Repatriation held for case {CaseId}", repatriation.CaseId); // leak TC1001 exceptions
                logger.LogFlightcareOperationFailedEvent("st-marys", "not_cleared", flightcarePatientId: pseudonymizer.PseudonymizeFlightcarePatientId(repatriation.HospitalNumber)); // clean precision-pseudonym
            }
            catch (StretcherUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogFlightcareOperationFailedEvent("st-marys", "no_stretcher", flightcareNote: ex.Message); // clean exceptions
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Arrange(Repatriation repatriation)
    {
        if (repatriation.Equipment == "none")
        {
            throw new PatientNotClearedException(repatriation.HospitalNumber);
        }

        meterCounter.Add(1, new KeyValuePair<string, object?>("repatriation.airport", repatriation.Airport)); // clean precision-names
        meterCounter.Add(1, new KeyValuePair<string, object?>("repatriation.insurer_ref", repatriation.InsurerReference)); // leak TC1003 direct
        Meter.CreateFlightcareRequestsCounter().Add(1, "st-marys", flightcareOutcome: "arranged"); // clean generated-api
        Meter.CreateFlightcareRequestsCounter().Add(1, "st-marys", flightcareOutcome: repatriation.HospitalNumber); // leak TC1003 generated-api
        Activity.Current?.SetTag("repatriation.patient.hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(repatriation.HospitalNumber)))); // leak TC1002 hashes
    }

    private static readonly Counter<long> meterCounter = Meter.CreateCounter<long>("repatriation.arranged");
}
