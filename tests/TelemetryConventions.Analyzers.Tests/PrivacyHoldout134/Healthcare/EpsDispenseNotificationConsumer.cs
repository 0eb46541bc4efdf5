namespace PrivacyHoldout134.Healthcare;

/// <summary>A released prescription as the pharmacy's queue carries it: the EPS message and who it is for.</summary>
public sealed record ReleasedPrescriptionMessage(string PrescriptionId, string NhsNumber, string PatientSurname, string BagLabel);

/// <summary>Pulls prescriptions released to the pharmacy, labels bags, records counter collections and notifies EPS.</summary>
public sealed class EpsDispenseNotificationConsumer(
    IConsumer<string, ReleasedPrescriptionMessage> consumer,
    IEpsClient eps,
    Pseudonymizer pseudonymizer,
    MedicinesOptions options,
    ILogger<EpsDispenseNotificationConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Pharmacy.Dispense");
    private static readonly Meter Meter = new("Pharmacy.Dispense");
    private static readonly Counter<long> Collections = Meter.CreateCounter<long>("pharmacy.collections");
    private readonly RxcareItemsCounter _items = Meter.CreateRxcareItemsCounter();
    private readonly RxcarePrescriptionDurationHistogram _turnaround = Meter.CreateRxcarePrescriptionDurationHistogram();

    private string? _lastPrescriptionId;
    private string? _lastSurname;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var message = result.Message.Value;
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartRxcarePrescription(rxcarePractice: options.DispenserOdsCode);
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            span.Activity?.SetTag("pharmacy.bag.label", message.BagLabel); // clean precision-names
            _lastPrescriptionId = message.PrescriptionId;
            _lastSurname = message.PatientSurname;

            try
            {
                var prescription = await eps.GetAsync(message.PrescriptionId, stoppingToken);
                span.SetRxcarePatientId(pseudonymizer.PseudonymizeRxcarePatientId(prescription.NhsNumber)); // clean precision-pseudonym
                span.SetRxcareClinicianId(pseudonymizer.PseudonymizeRxcareClinicianId(prescription.PrescriberCode)); // clean precision-pseudonym
                span.Activity?.SetTag("rxcare.prescriber", prescription.PrescriberCode); // leak TC1001 direct
                span.Activity?.SetTag("rxcare.items.controlled", prescription.Items.Count(i => i.IsControlled)); // clean precision-about
                span.Activity?.SetTag("rxcare.cd.schedules", prescription.Items.Where(i => i.CdSchedule is not null).Select(i => i.CdSchedule!).Distinct().ToArray()); // clean precision-names
                logger.LogInformation("Dispensing {Items} for prescription {PrescriptionId}", prescription.Items, prescription.PrescriptionId); // clean logging-objects
                logger.LogDebug("Fetched {Prescription}", prescription); // leak TC1001 logging-objects
                span.Activity?.SetTag("rxcare.patient.name", prescription.PatientName); // leak TC1001 direct

                foreach (var item in prescription.Items)
                {
                    _items.Add(1, rxcarePractice: prescription.PracticeOds, rxcareOutcome: item.IsControlled ? "controlled" : "dispensed"); // clean generated-api
                }

                await eps.NotifyDispensedAsync(new DispenseNotification(prescription.PrescriptionId, options.DispenserOdsCode, "dispensed", DateTimeOffset.UtcNow), stoppingToken);
                _turnaround.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, rxcarePractice: options.DispenserOdsCode); // clean generated-api
            }
            catch (PrescriptionAlreadyDispensedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "Skipping {PrescriptionId}", ex.PrescriptionId); // clean exceptions
            }
            catch (NominationMismatchException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                WarnLastFailure();
            }

            consumer.Commit(result);
        }
    }

    /// <summary>Records a collection at the counter, with the collector's relationship to the patient.</summary>
    public void RecordCollection(CollectionEvent collection, string nhsNumber)
    {
        using var span = Source.StartActivity("pharmacy.collect");
        span?.SetTag("pharmacy.collector.relationship", collection.Relationship); // clean precision-names
        span?.SetTag("pharmacy.collector.id_checked", collection.IdChecked); // clean precision-about
        span?.SetTag("pharmacy.collector.name", collection.CollectorName); // leak TC1001 direct
        logger.LogInformation("Collected: {@Collection}", collection); // leak TC1001 logging-objects
        Collections.Add(1, new KeyValuePair<string, object?>("relationship", collection.Relationship)); // clean precision-names
        Collections.Add(1, new KeyValuePair<string, object?>("patient", nhsNumber)); // leak TC1003 direct
        span?.SetTag("rxcare.patient.shard", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..8]); // leak TC1002 hashes
    }

    private void WarnLastFailure()
    {
        logger.LogWarning("Nomination failed for {PrescriptionId}", _lastPrescriptionId); // clean cross-member
        logger.LogWarning("Nomination failed for patient {Surname}", _lastSurname); // leak TC1001 cross-member
    }
}
