namespace PrivacyHoldout178.Healthcare;

/// <summary>Consumes hospital handovers from the handovers topic, keyed by incident number.</summary>
public sealed class HandoverConsumer(IConsumer<string, PatientHandover> consumer, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<HandoverConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Ambulance.Handovers");
    private static readonly Meter Meter = new("Ambulance.Handovers");
    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>("ambulance.handover.wait", "min");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var operations = Meter.CreateAmbcadOperationsCounter();
        var durations = Meter.CreateAmbcadOperationDurationHistogram();
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var handover = result.Message.Value;
            using var span = Source.StartAmbcadOperation(handover.Hospital);
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            span.Activity?.SetTag("incident.number", handover.IncidentNumber); // clean precision-names
            span.SetAmbcadCallerId(pseudonymizer.PseudonymizeAmbcadCallerId(handover.NhsNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("patient.nhs_number", handover.NhsNumber); // leak TC1001 direct
            span.Activity?.SetTag("patient.name.length", handover.PatientName.Length); // clean precision-about
            Wait.Record(handover.MinutesWaited, new KeyValuePair<string, object?>("hospital", handover.Hospital)); // clean precision-about
            Wait.Record(handover.MinutesWaited, new KeyValuePair<string, object?>("patient", pseudonymizer.PseudonymizeAmbcadCallerId(handover.NhsNumber).Value)); // leak TC1003 precision-pseudonym
            using (logger.BeginScope("Handover {Incident} at {Hospital}", handover.IncidentNumber, handover.Hospital)) // clean precision-names
            {
                logger.LogInformation("Handover {@Handover}", handover); // leak TC1001 logging-objects
                logger.LogInformation("Crew note: {Note}", handover.ClinicalNote); // leak TC1001 direct
            }

            var redacted = handover with { NhsNumber = "redacted", PatientName = "redacted", ClinicalNote = "" };
            logger.LogDebug("Stored {Handover}", redacted); // clean logging-objects
            var hospitalOnly = handover with { Hospital = "RVV01" };
            logger.LogDebug("Diverted {Handover}", hospitalOnly); // leak TC1001 logging-objects

            var lane = Convert.ToHexString(new HMACSHA256(secrets.ShardKey).ComputeHash(Encoding.UTF8.GetBytes(handover.NhsNumber)))[..2];
            span.Activity?.SetTag("patient.lane", lane); // clean hashes
            var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(handover.NhsNumber)));
            span.Activity?.SetTag("patient.dedupe", dedupe); // leak TC1002 hashes

            if (handover.MinutesWaited > 60)
            {
                try
                {
                    throw new HandoverRejectedException(handover.NhsNumber);
                }
                catch (HandoverRejectedException ex)
                {
                    span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                    span.RecordException(ex); // clean exceptions
                    logger.LogError(ex, "Handover at {Hospital} refused", handover.Hospital); // leak TC1001 exceptions
                    logger.LogAmbcadOperationFailedEvent(handover.Hospital, "rejected", ambcadNote: ex.GetType().Name); // clean exceptions
                }
            }

            operations.Add(1, handover.Hospital, "handed-over"); // clean generated-api
            durations.Record(handover.MinutesWaited * 60.0, handover.Hospital); // clean generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
