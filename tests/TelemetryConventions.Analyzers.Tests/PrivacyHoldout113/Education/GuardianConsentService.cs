namespace PrivacyHoldout113.Education;

public sealed record ConsentForm(string StudentNumber, string GuardianEmail, string GuardianName, string Purpose, bool Granted, string FormVersion);

/// <summary>Records guardians' consents (photographs, trips, biometric catering) and their withdrawals.</summary>
public sealed partial class GuardianConsentService(
    IConsentStore consents,
    ILogger<GuardianConsentService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ComplianceOptions options)
{
    private readonly Counter<long> _changes = meter.CreateCounter<long>("eduaudit.consent.changes");

    public async Task RecordAsync(ConsentForm form, CancellationToken cancellationToken)
    {
        using var span = source.StartEduauditRequest(Guid.NewGuid().ToString(), "consent");
        span.SetEduauditConsentPurpose(form.Purpose); // clean precision-names
        span.SetEduauditSubjectId(pseudonymizer.PseudonymizeEduauditSubjectId(form.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("eduaudit.guardian", form.GuardianEmail); // leak TC1001 direct
        span.Activity?.SetTag("eduaudit.guardian.domain", form.GuardianEmail[(form.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about

        var previous = await consents.LatestAsync(form.StudentNumber, form.Purpose, cancellationToken);
        var record = new ConsentRecord(form.StudentNumber, form.Purpose, form.Granted, "paper-form", form.FormVersion, DateTimeOffset.UtcNow);
        await consents.SaveAsync(record, cancellationToken);

        logger.LogInformation("Consent recorded {Record}", record); // leak TC1001 logging-objects
        logger.LogInformation("Consent for {Purpose} changed from {Before} to {After}", form.Purpose, previous?.Granted, form.Granted); // clean precision-about
        LogWithdrawal(logger, form.GuardianName, form.Purpose); // clean logging-objects
        LogConsentSource(logger, form.StudentNumber, record.Source); // leak TC1001 logging-objects
        _changes.Add(1, new KeyValuePair<string, object?>("eduaudit.purpose", form.Purpose), new KeyValuePair<string, object?>("eduaudit.granted", form.Granted)); // clean precision-about

        if (form.FormVersion != options.PolicyVersion)
        {
            var conflict = new ConsentConflictException(form.Purpose, form.FormVersion);
            span.RecordException(conflict, includeMessage: true); // clean exceptions
            logger.LogWarning(conflict, "Consent form out of date"); // clean exceptions
        }
        span.SetEduauditNote($"recorded by {form.GuardianName}"); // leak TC1001 generated-api
        span.SetEduauditOutcome(form.Granted ? "granted" : "withdrawn"); // clean generated-api
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Consent withdrawn by {Guardian} for {Purpose}")]
    private static partial void LogWithdrawal(ILogger logger, [PrivateData] string guardian, string purpose);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Consent for {Student} came from {Source}")]
    private static partial void LogConsentSource(ILogger logger, string student, string source);

    public void ReportMissing(IReadOnlyList<ConsentForm> forms)
    {
        var missing = forms.Where(f => !f.Granted).Select(f => f.StudentNumber).ToList();
        logger.LogInformation("{Count} pupils without photo consent", missing.Count); // clean precision-about
        logger.LogInformation("Pupils without photo consent: {Pupils}", missing); // leak TC1001 strings
        Activity.Current?.SetTag("eduaudit.missing.sample", Convert.ToBase64String(Encoding.UTF8.GetBytes(missing.FirstOrDefault() ?? ""))); // leak TC1001 hashes
    }
}
