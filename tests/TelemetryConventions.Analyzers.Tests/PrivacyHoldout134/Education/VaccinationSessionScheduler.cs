namespace PrivacyHoldout134.Education;

/// <summary>A pupil on a session list, with the nurse who will vaccinate.</summary>
public sealed record SessionListEntry(string ChildNhsNumber, string ChildName, string YearGroup, string Vaccine, bool HasAllergyFlag, string NurseStaffId);

/// <summary>Builds the nightly session lists for tomorrow's school sessions and records the vaccinations given.</summary>
public sealed class VaccinationSessionScheduler(
    IVaccinationBookingApi api,
    IQueueReceiver<ImmunisationRecord> given,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<VaccinationSessionScheduler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Saiss.Sessions");
    private static readonly Meter Meter = new("Saiss.Sessions");
    private static readonly Counter<long> Given = Meter.CreateCounter<long>("saiss.doses.given");
    private readonly SchoolimmsConsentsCounter _consents = Meter.CreateSchoolimmsConsentsCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = await given.ReceiveAsync(stoppingToken);
            if (record is null)
            {
                continue;
            }

            await RecordGivenAsync(record, stoppingToken);
        }
    }

    public void PublishList(string schoolUrn, string sessionId, IReadOnlyList<SessionListEntry> entries)
    {
        using var span = Source.StartSchoolimmsConsent(schoolimmsSchool: schoolUrn, spanName: "saiss.session_list");
        span.SetSchoolimmsItemCount(entries.Count); // clean precision-about
        span.Activity?.SetTag("saiss.allergy_flags", entries.Count(e => e.HasAllergyFlag)); // clean precision-about
        span.Activity?.SetTag("saiss.vaccines", entries.Select(e => e.Vaccine).Distinct().ToArray()); // clean precision-names
        span.Activity?.SetTag("saiss.list", entries.Select(e => e.ChildNhsNumber).ToArray()); // leak TC1001 direct
        logger.LogInformation("Session list {SessionId}: {Entries}", sessionId, entries); // leak TC1001 logging-objects

        foreach (var nurse in entries.GroupBy(e => e.NurseStaffId))
        {
            logger.LogDebug("Nurse {Nurse} has {Count} pupils", pseudonymizer.ComputeSchoolimmsStaffId(nurse.Key), nurse.Count()); // clean precision-pseudonym
            logger.LogDebug("Nurse {Nurse} allocated", nurse.Key); // leak TC1001 direct
        }

        var allergic = entries.Where(e => e.HasAllergyFlag).Select(e => e.ChildName).ToList();
        span.Activity?.AddEvent(new ActivityEvent("saiss.allergy_check", tags: new ActivityTagsCollection { ["children"] = string.Join(", ", allergic) })); // leak TC1001 strings
        span.Activity?.AddEvent(new ActivityEvent("saiss.allergy_check.count", tags: new ActivityTagsCollection { ["count"] = allergic.Count })); // clean precision-about
    }

    private async Task RecordGivenAsync(ImmunisationRecord record, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchoolimmsConsent(schoolimmsSchool: record.SiteCode, spanName: "saiss.record_given");
        span.SetSchoolimmsVaccine(record.Vaccine); // clean precision-names
        span.Activity?.SetTag("saiss.batch", record.BatchNumber); // clean precision-names
        span.Activity?.SetTag("saiss.child.cohort", BitConverter.ToUInt32(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(record.NhsNumber))) % 10); // clean hashes
        span.Activity?.SetTag("saiss.child.ref", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(record.NhsNumber)))); // leak TC1002 hashes
        try
        {
            await api.RecordAsync(record, cancellationToken);
            Given.Add(1, new KeyValuePair<string, object?>("vaccine", record.Vaccine), new KeyValuePair<string, object?>("school", record.SiteCode)); // clean precision-names
            _consents.Add(1, schoolimmsSchool: record.SiteCode, schoolimmsOutcome: "given"); // clean generated-api
        }
        catch (BatchUnusableException ex)
        {
            logger.LogError(ex, "Batch rejected at {School}", record.SiteCode); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            _consents.Add(1, schoolimmsSchool: record.SiteCode, schoolimmsOutcome: record.NhsNumber); // leak TC1003 generated-api
        }
        catch (AlreadyVaccinatedException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Duplicate dose of {Vaccine} refused ({Type})", ex.Vaccine, ex.GetType().Name); // clean exceptions
        }
    }
}
