namespace PrivacyHoldout205.Healthcare;

/// <summary>An occupational health provider's worker: Group 2 medicals that councils ask for before licensing a driver.</summary>
public sealed partial class DriverMedicalsWorker(
    IQueueReceiver<MedicalCheck> results,
    IMedicalsClient medicals,
    Pseudonymizer pseudonymizer,
    LicensingOptions options,
    ILogger<DriverMedicalsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Occhealth.DriverMedicals");
    private static readonly Meter Meter = new("Occhealth.DriverMedicals");
    private static readonly Histogram<double> ReviewDays = Meter.CreateHistogram<double>("medicals.review.days");

    private MedicalCheck? _current;
    private string _clinicCode = "OH-NORTH";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = await results.ReceiveAsync(stoppingToken);
            if (result is null)
            {
                continue;
            }

            _current = result;
            using var span = Source.StartMedcabOperation(_clinicCode);
            span.SetMedcabClientId(pseudonymizer.PseudonymizeMedcabClientId(result.DriverId)); // clean precision-pseudonym
            span.SetMedcabKind(result.MedicalGroup); // clean generated-api
            span.SetMedcabOutcome(result.Outcome); // clean generated-api
            span.SetMedcabNote(result.DoctorNote ?? "none"); // leak TC1001 generated-api
            span.SetMedcabNote($"doctor note {(result.DoctorNote is null ? "absent" : "present")}, {result.DoctorNote?.Length ?? 0} chars"); // clean generated-api
            Activity.Current?.SetTag("medicals.examiner.gmc", result.GmcNumber); // leak TC1001 direct
            Activity.Current?.SetTag("medicals.group", result.MedicalGroup); // clean precision-about
            Activity.Current?.SetTag("medicals.driver.pseudonym", pseudonymizer.ComputeMedcabClientId(result.DriverId)); // clean precision-pseudonym
            Activity.Current?.SetTag("medicals.driver.name_length", result.DriverName.Length); // clean precision-about
            logger.LogInformation("Medical received for {DriverName}", result.DriverName); // leak TC1001 direct
            logger.LogInformation("Medical received {Result}", result); // leak TC1001 logging-objects
            logger.LogInformation("Medical received {@Result}", new { result.MedicalGroup, result.Outcome, Clinic = _clinicCode }); // clean logging-objects
            logger.LogInformation("Medical received {@Result}", new { result.DriverId, result.Outcome }); // leak TC1001 logging-objects
            Report();
            await FollowUpAsync(result, stoppingToken);
        }
    }

    private void Report()
    {
        if (_current is null)
        {
            return;
        }

        Activity.Current?.SetTag("medicals.driver", _current.DriverId); // leak TC1001 cross-member
        Activity.Current?.SetTag("medicals.outcome", _current.Outcome); // clean cross-member
        Activity.Current?.SetTag("medicals.clinic", _clinicCode); // clean cross-member
        Activity.Current?.AddEvent(new ActivityEvent("medical.reported", tags: new ActivityTagsCollection { ["medicals.driver.name"] = _current.DriverName })); // leak TC1001 cross-member
        ReviewDays.Record(14, new KeyValuePair<string, object?>("medicals.group", _current.MedicalGroup)); // clean precision-about
        ReviewDays.Record(14, new KeyValuePair<string, object?>("medicals.driver", pseudonymizer.PseudonymizeMedcabClientId(_current.DriverId).Value)); // leak TC1003 precision-pseudonym
    }

    private async Task FollowUpAsync(MedicalCheck result, CancellationToken cancellationToken)
    {
        try
        {
            var slot = await medicals.BookAsync(result.DriverId, _clinicCode, cancellationToken);
            logger.LogInformation("Review booked {Slot}", slot); // clean logging-objects
            logger.LogInformation("Review booked in slot {SlotRef} at {Clinic}", slot.SlotRef, slot.ClinicCode); // clean precision-names
            var sb = new StringBuilder();
            sb.Append("review for ").Append(result.DriverName).Append(" on ").Append(slot.StartsAt.ToString("d"));
            Activity.Current?.SetTag("medicals.review.summary", sb.ToString()); // leak TC1001 strings
            var line = $"review {slot.SlotRef} group {slot.MedicalGroup} at {slot.ClinicCode}";
            Activity.Current?.SetTag("medicals.review.line", line); // clean strings
            Log.ReviewBooked(logger, result.DriverName, slot.SlotRef); // clean logging-objects
            Log.ReviewBookedFor(logger, result.DriverId, slot.SlotRef); // leak TC1001 logging-objects
            var dedupe = result.DriverId.GetHashCode();
            Activity.Current?.SetTag("medicals.review.dedupe", dedupe); // leak TC1002 hashes
            var bucket = HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(result.DriverId))[0] % options.Shards;
            Activity.Current?.SetTag("medicals.review.bucket", bucket); // clean hashes
        }
        catch (LicenceRejectedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogMedcabOperationFailedEvent(_clinicCode, "refused", medcabClientId: pseudonymizer.PseudonymizeMedcabClientId(result.DriverId)); // clean generated-api
            logger.LogWarning("Licence check failed: {Error}", ex.Message); // leak TC1001 exceptions
        }
        catch (InspectionBookingFullException ex)
        {
            logger.LogWarning(ex, "No review slot: {Error}", ex.Message); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
            Meter.CreateMedcabOperationsCounter().Add(1, _clinicCode, "failed"); // clean generated-api
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2053, Level = LogLevel.Information, Message = "Review booked for {DriverName} in {SlotRef}")]
        public static partial void ReviewBooked(ILogger logger, [PrivateData] string driverName, string slotRef);

        [LoggerMessage(EventId = 2054, Level = LogLevel.Information, Message = "Review booked for driver {DriverId} in {SlotRef}")]
        public static partial void ReviewBookedFor(ILogger logger, string driverId, string slotRef);
    }
}
