namespace PrivacyHoldout192.Healthcare;

/// <summary>
/// A trust's warm homes prescription worker: GPs refer patients made ill by cold homes; the worker checks the home's EPC
/// and books heating and insulation through the grant scheme.
/// </summary>
public sealed partial class WarmHomesReferralWorker(
    IQueueReceiver<WarmHomesReferral> queue,
    IReferralInbox inbox,
    IEpcRegister epc,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<WarmHomesReferralWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.WarmHomes");
    private static readonly Meter Meter = new("Trust.WarmHomes");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("warmhomes.referrals");

    private WarmHomesReferral? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var referral = await queue.ReceiveAsync(stoppingToken);
            if (referral is null)
            {
                continue;
            }

            _current = referral;
            await HandleAsync(referral, stoppingToken);
        }
    }

    private async Task HandleAsync(WarmHomesReferral referral, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var patient = pseudonymizer.PseudonymizeWarmscriptClientId(referral.NhsNumber);
        using var span = Source.StartWarmscriptOperation(referral.GpPractice, "warmhomes.referral");
        span.SetWarmscriptClientId(patient); // clean generated-api
        span.SetWarmscriptMeasure(referral.Condition == "copd" ? "heating" : "insulation"); // clean generated-api
        span.SetWarmscriptNote(referral.ClinicianNote); // leak TC1001 generated-api
        span.SetWarmscriptNote($"referral {referral.ReferralId} from {referral.GpPractice}"); // clean generated-api
        span.SetWarmscriptMode(referral.PatientName); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("warmhomes.referral.id", referral.ReferralId); // clean precision-names
        activity?.SetTag("warmhomes.nhs_number", referral.NhsNumber); // leak TC1001 direct
        activity?.SetTag("warmhomes.patient", patient); // clean precision-pseudonym
        activity?.SetTag("warmhomes.condition", referral.Condition); // clean precision-about
        activity?.SetTag("warmhomes.practice", referral.GpPractice); // clean precision-names
        activity?.SetTag("warmhomes.patient_name.length", referral.PatientName.Length); // clean precision-about
        activity?.SetTag(WarmscriptAttributes.Contact, referral.Postcode); // leak TC1001 direct

        using (logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = referral.ReferralId, ["Practice"] = referral.GpPractice })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = referral.NhsNumber })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Referral received {Referral}", referral); // leak TC1001 logging-objects
            logger.LogInformation("Referral received {@Referral}", new { referral.ReferralId, referral.GpPractice, referral.Postcode }); // leak TC1001 logging-objects
            logger.LogInformation("Referral received {@Referral}", new { referral.ReferralId, referral.GpPractice }); // clean logging-objects
            LogReferral(logger, referral.NhsNumber, referral.PatientName, referral.GpPractice); // clean logging-objects
            LogPostcode(logger, referral.Postcode); // leak TC1001 logging-objects
        }

        var survey = await epc.LatestAsync(referral.Uprn, ct);
        if (survey is null)
        {
            var ex = new PropertyNotSurveyedException(referral.Uprn, referral.Postcode);
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, "no EPC lodged for the home"); // clean exceptions
            span.SetWarmscriptNote(ex.Message); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("epc.missing", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            return;
        }

        activity?.SetTag("warmhomes.epc.rating", survey.CurrentRating); // clean precision-about
        activity?.SetTag("warmhomes.epc.sap", survey.SapScore); // clean precision-about
        activity?.SetTag("warmhomes.epc.assessor", survey.AssessorName); // leak TC1001 direct
        activity?.SetTag("warmhomes.epc.survey_id", survey.SurveyId); // clean precision-names
        try
        {
            await inbox.AcknowledgeAsync(referral.ReferralId, ct);
            Describe();
        }
        catch (ReferralRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"rejected: {ex.Message}"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"rejected: {ex.GetType().Name}"); // clean exceptions
            activity?.AddEvent(new ActivityEvent("rejected", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
        }

        var key = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(referral.NhsNumber)));
        activity?.SetTag("warmhomes.dedupe", key); // clean hashes
        activity?.SetTag("warmhomes.dedupe.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(referral.NhsNumber)))); // leak TC1002 hashes
        activity?.SetTag("warmhomes.bucket", referral.Uprn.GetHashCode() % 64); // leak TC1002 hashes
        Referrals.Add(1, new KeyValuePair<string, object?>("warmhomes.practice", referral.GpPractice)); // clean precision-names
        Referrals.Add(1, new KeyValuePair<string, object?>("warmhomes.patient", patient)); // leak TC1003 precision-pseudonym
        Meter.CreateWarmscriptOperationsCounter().Add(1, referral.GpPractice, survey.CurrentRating); // clean generated-api
        Meter.CreateWarmscriptOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, referral.GpPractice); // clean generated-api
    }

    private void Describe()
    {
        var activity = Activity.Current;
        activity?.SetTag("warmhomes.current.referral", _current?.ReferralId); // clean precision-names
        activity?.SetTag("warmhomes.current.patient", _current?.PatientName); // leak TC1001 cross-member
        activity?.SetTag("warmhomes.current.uprn", _current?.Uprn); // leak TC1001 cross-member
        activity?.SetTag("warmhomes.current.has_note", !string.IsNullOrEmpty(_current?.ClinicianNote)); // clean precision-about
        var outcome = new PrescriptionOutcome(_current?.ReferralId ?? "", "loft", 450m, "respiratory", 21);
        logger.LogInformation("Prescription outcome {@Outcome}", outcome); // clean logging-objects
        logger.LogInformation("Prescribed for " + string.Join(", ", _current?.PatientName, _current?.Postcode)); // leak TC1001 strings
        logger.LogInformation("Prescribed {Measure} for referral {Referral}", outcome.Measure, outcome.ReferralId); // clean strings
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Referral {NhsNumber} ({Name}) from {Practice}")]
    private static partial void LogReferral(ILogger logger, [PrivateData] string nhsNumber, [PrivateData] string name, string practice);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Referral home postcode {Postcode}")]
    private static partial void LogPostcode(ILogger logger, string postcode);
}
