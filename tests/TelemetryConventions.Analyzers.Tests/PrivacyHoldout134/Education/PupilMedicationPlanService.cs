namespace PrivacyHoldout134.Education;

/// <summary>A pupil's individual healthcare plan: their medicines in school and who may see them.</summary>
public sealed record HealthcarePlan(string StudentNumber, string PreferredName, string Form, IReadOnlyList<AllergyEntry> Allergies, IReadOnlyList<MedicationLine> Medicines, string GuardianEmail);

/// <summary>A dose given at school, as the office records it.</summary>
public sealed record AdministrationEntry(string StudentNumber, string Medicine, string Dose, string GivenByStaffId, DateTimeOffset GivenAt, string? Comment);

/// <summary>Shares pupils' healthcare plans with trip staff and after-school carers, and logs medicines given at school.</summary>
public sealed partial class PupilMedicationPlanService(Pseudonymizer pseudonymizer, ILogger<PupilMedicationPlanService> logger)
{
    private static readonly ActivitySource Source = new("School.Medicines");
    private static readonly Meter Meter = new("School.Medicines");
    private static readonly Counter<long> Doses = Meter.CreateCounter<long>("school.medicines.doses");

    private string? _lastSharedStudent;
    private int _sharesToday;

    public MedicationRecordShare ShareWithCarer(HealthcarePlan plan, string carerName, string carerEmail, TimeSpan validFor)
    {
        using var span = Source.StartSchoolimmsConsent(schoolimmsSchool: plan.Form, spanName: "school.plan.share");
        var share = new MedicationRecordShare(Guid.NewGuid().ToString("N"), plan.StudentNumber, carerName, carerEmail, plan.Allergies, plan.Medicines) { ExpiresAt = DateTimeOffset.UtcNow + validFor };
        span.SetSchoolimmsPupilId(pseudonymizer.PseudonymizeSchoolimmsPupilId(plan.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("school.share.id", share.ShareId); // clean precision-names
        span.Activity?.SetTag("school.share.allergens", plan.Allergies.Select(a => a.AllergenCode).ToArray()); // clean precision-names
        span.Activity?.SetTag("school.share.severe", plan.Allergies.Any(a => a.Severity == "severe")); // clean precision-about
        span.Activity?.SetTag("school.share.carer", carerName); // leak TC1001 direct
        logger.LogInformation("Plan shared {@Share}", share); // leak TC1001 logging-objects
        logger.LogInformation("Allergies shared: {Allergies}", plan.Allergies); // clean logging-objects
        logger.LogInformation("Shared {Pupil}'s plan until {Expiry}", plan.PreferredName, share.ExpiresAt); // leak TC1001 direct
        _lastSharedStudent = plan.StudentNumber;
        _sharesToday++;
        return share;
    }

    public void Revoke(MedicationRecordShare share)
    {
        try
        {
            throw new CarerAccessRevokedException(share.CarerEmail);
        }
        catch (CarerAccessRevokedException ex)
        {
            logger.LogInformation(ex, "Share {ShareId} revoked", share.ShareId); // leak TC1001 exceptions
            Activity.Current?.SetTag("school.share.revoked", ex.GetType().Name); // clean exceptions
        }

        LogShareState(logger, _lastSharedStudent, _sharesToday); // leak TC1001 cross-member
        logger.LogDebug("Shares today {Count}", _sharesToday); // clean cross-member
    }

    public void RecordDose(AdministrationEntry entry)
    {
        using var span = Source.StartSchoolimmsConsent(schoolimmsSchool: "school-office", spanName: "school.dose");
        span.SetSchoolimmsVaccine(entry.Medicine); // clean precision-names
        span.SetSchoolimmsStaffId(pseudonymizer.PseudonymizeSchoolimmsStaffId(entry.GivenByStaffId)); // clean precision-pseudonym
        span.SetSchoolimmsNote(entry.Comment); // leak TC1001 generated-api
        LogDose(logger, entry.StudentNumber, entry.Medicine, entry.Dose); // clean logging-objects
        LogDoseUnredacted(logger, entry.StudentNumber, entry.Medicine); // leak TC1001 logging-objects
        Doses.Add(1, new KeyValuePair<string, object?>("medicine", entry.Medicine)); // clean precision-names
        Doses.Add(1, new KeyValuePair<string, object?>("pupil", pseudonymizer.PseudonymizeSchoolimmsPupilId(entry.StudentNumber).ToString())); // leak TC1003 precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dose for {StudentNumber}: {Medicine} {Dose}")]
    private static partial void LogDose(ILogger logger, [PrivateData] string studentNumber, string medicine, string dose);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dose logged for {StudentNumber}: {Medicine}")]
    private static partial void LogDoseUnredacted(ILogger logger, string studentNumber, string medicine);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Last shared plan {StudentNumber}, {Count} today")]
    private static partial void LogShareState(ILogger logger, string? studentNumber, int count);
}
