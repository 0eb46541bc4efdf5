namespace PrivacyHoldout107.Healthcare;

/// <summary>A patient as the PAS extract hands it to the engagement CRM sync. Prints its members.</summary>
public sealed record PasPatient(string HospitalNumber, string NhsNumber, string GivenName, string FamilyName, string? Email, string? Mobile, string PracticeCode, bool Deceased);

public interface IPasExtract
{
    Task<IReadOnlyList<PasPatient>> ChangedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken);
}

/// <summary>Pushes patients changed in the PAS to the engagement CRM as contacts, upserted by hospital number.</summary>
public sealed class PatientContactSyncWorker(
    IPasExtract pas,
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    CrmSyncOptions options,
    ILogger<PatientContactSyncWorker> logger)
{
    private static readonly ActivitySource Source = new("Trust.Engagement.ContactSync");
    private static readonly Meter Meter = new("Trust.Engagement.ContactSync");
    private static readonly Counter<long> Upserts = Meter.CreateCounter<long>("ptengage.contact.upserts");
    private readonly PtengageSyncedCounter _synced = Meter.CreatePtengageSyncedCounter();

    public async Task RunOnceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var changed = await pas.ChangedSinceAsync(since, options.BatchSize, cancellationToken);
        using var span = Source.StartPtengageSync("ptengage contact sync");
        span.SetPtengageSegment("pas-changed"); // clean precision-names
        span.SetPtengageBatchSize(changed.Count); // clean precision-about
        logger.LogInformation("Syncing {Count} patients changed since {Since:o} from practices {Practices}", changed.Count, since, string.Join(",", changed.Select(p => p.PracticeCode).Distinct())); // clean precision-names

        foreach (var patient in changed)
        {
            if (patient.Deceased)
            {
                logger.LogInformation("Skipping deceased patient {HospitalNumber}", patient.HospitalNumber); // leak TC1001 direct
                _synced.Add(1, "skipped", "deceased"); // clean precision-about
                continue;
            }

            var contact = new Entity("contact");
            contact.KeyAttributes["msdyn_mrn"] = patient.HospitalNumber;
            contact["firstname"] = patient.GivenName;
            contact["lastname"] = patient.FamilyName;
            contact["emailaddress1"] = patient.Email;
            contact["mobilephone"] = patient.Mobile;
            contact["msdyn_nhsnumber"] = patient.NhsNumber;

            try
            {
                var response = await crm.UpsertAsync(contact, cancellationToken);
                logger.LogDebug("Upserted {Entity} as {Reference}, created {Created}", contact, response.Target, response.RecordCreated); // clean logging-objects
                logger.LogDebug("Contact {ContactId} holds patient {Patient}", response.Target.Id, pseudonymizer.PseudonymizePtengagePatientId(patient.HospitalNumber)); // leak TC1001 cross-member
                Upserts.Add(1, new KeyValuePair<string, object?>("practice", patient.PracticeCode)); // clean precision-names
            }
            catch (CrmFaultException ex) when (ex.ErrorCode == unchecked((int)0x80040237))
            {
                // Duplicate key: the platform names the key, not its values.
                logger.LogWarning(ex, "Duplicate contact key for a patient of practice {Practice}", patient.PracticeCode); // clean exceptions
                span.SetPtengageOutcome("duplicate"); // clean precision-about
            }
            catch (CrmFaultException ex)
            {
                // Validation faults quote the refused value (an email or a mobile number).
                logger.LogWarning(ex, "CRM refused patient {Patient}", pseudonymizer.PseudonymizePtengagePatientId(patient.HospitalNumber)); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Fault.Message); // leak TC1001 exceptions
                _synced.Add(1, "failed", ex.ErrorCode.ToString("x8", CultureInfo.InvariantCulture)); // clean precision-about
            }
        }

        span.Activity?.SetTag("ptengage.sync.until", changed.Count == 0 ? since : DateTimeOffset.UtcNow); // clean precision-about
    }

    public async Task ReportFaultsAsync(IReadOnlyList<PasPatient> batch, CancellationToken cancellationToken)
    {
        var upserts = batch.Select(p => new Entity("contact") { ["emailaddress1"] = p.Email }).ToList();
        var result = await crm.ExecuteMultipleAsync(upserts, cancellationToken);
        foreach (var item in result.Responses.Where(r => r.Fault is not null))
        {
            var patient = batch[item.RequestIndex];
            logger.LogWarning("Batch item {Index} failed with {Code}", item.RequestIndex, item.Fault!.ErrorCode); // clean precision-about
            logger.LogWarning("Batch item for {Email} failed: {Message}", patient.Email, item.Fault.Message); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent("ptengage.batch.fault", tags: new ActivityTagsCollection { ["nhs.number"] = patient.NhsNumber })); // leak TC1001 direct
        }

        logger.LogInformation("Batch of {Size} finished, faulted {Faulted}", batch.Count, result.IsFaulted); // clean precision-about
    }
}
