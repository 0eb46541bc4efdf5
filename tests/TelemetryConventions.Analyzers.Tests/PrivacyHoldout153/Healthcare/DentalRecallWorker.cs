namespace PrivacyHoldout153.Healthcare;

/// <summary>
/// Sends the practices' recall reminders each morning and submits finished courses of treatment to the
/// NHS dental claims portal.
/// </summary>
public sealed partial class DentalRecallWorker(
    IRecallStore recalls,
    IPatientTexter texter,
    IClaimsPortal claims,
    HighStreetOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DentalRecallWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HighStreet.Dental.Recalls");
    private static readonly Meter Meter = new("HighStreet.Dental.Recalls");
    private static readonly Counter<long> RemindersSent = Meter.CreateCounter<long>("dental.recall.reminders");
    private static readonly Counter<long> ClaimsSubmitted = Meter.CreateCounter<long>("dental.claims.submitted");
    private static readonly Histogram<int> MonthsOverdue = Meter.CreateHistogram<int>("dental.recall.months_since_last");

    private readonly string[] _practices = ["practice-0417", "practice-0522", "practice-0631"];
    private string? _lastUnreachablePatient;
    private readonly List<string> _noMobile = [];
    private int _noMobileCount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var practice in _practices)
            {
                await RunRecallsAsync(practice, stoppingToken);
            }
            ReportRound();
            await Task.Delay(TimeSpan.FromHours(24), stoppingToken);
        }
    }

    private async Task RunRecallsAsync(string practiceCode, CancellationToken cancellationToken)
    {
        using var span = Source.StartDentalOperation(practiceCode);
        var due = await recalls.DueAsync(practiceCode, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        span.SetDentalItemCount(due.Count); // clean precision-about
        logger.LogInformation("{Practice}: {Due} recalls due, template {RecallTemplateId}", practiceCode, due.Count, options.RecallTemplateId); // clean precision-names

        foreach (var recall in due)
        {
            MonthsOverdue.Record(recall.MonthsSinceLast, new KeyValuePair<string, object?>("dental.practice", practiceCode)); // clean precision-about
            var patient = await recalls.FindAsync(recall.PracticeRecordNumber, cancellationToken);
            if (patient is null)
            {
                logger.LogWarning("Recall for record {PracticeRecordNumber} has no patient", recall.PracticeRecordNumber); // leak TC1001 direct
                continue;
            }

            if (string.IsNullOrEmpty(patient.Mobile))
            {
                _lastUnreachablePatient = patient.NhsNumber;
                _noMobile.Add(patient.PracticeRecordNumber);
                _noMobileCount++;
                continue;
            }

            await texter.SendAsync(patient.Mobile, options.RecallTemplateId, new Dictionary<string, string> { ["first_name"] = patient.FirstName }, cancellationToken);
            RemindersSent.Add(1, new KeyValuePair<string, object?>("dental.practice", practiceCode), new KeyValuePair<string, object?>("dental.channel", "sms")); // clean precision-about
            RemindersSent.Add(0, new KeyValuePair<string, object?>("dental.patient", pseudonymizer.ComputeDentalPatientId(patient.PracticeRecordNumber))); // leak TC1003 precision-pseudonym
            logger.LogDebug("Reminder sent to {Patient}", pseudonymizer.ComputeDentalPatientId(patient.PracticeRecordNumber)); // clean precision-pseudonym
            logger.LogDebug("Reminder sent to {Mobile}", patient.Mobile); // leak TC1001 direct
            logger.LogDebug("Reminder greeting: {Greeting}", Greeting(patient)); // leak TC1001 strings
            logger.LogDebug("Reminder email domain {Domain}", patient.Email.Split('@').Last()); // clean precision-about
        }

        span.SetDentalOutcome("recorded");
    }

    private void ReportRound()
    {
        Activity.Current?.SetTag("dental.recall.no_mobile", _noMobileCount); // clean cross-member
        Activity.Current?.SetTag("dental.recall.last_unreachable", _lastUnreachablePatient); // leak TC1001 cross-member
        logger.LogInformation("Patients without a mobile: {Records}", string.Join(",", _noMobile)); // leak TC1001 cross-member
        logger.LogInformation("Any patients without a mobile: {Any}", _noMobile.Count > 0); // clean cross-member
        _noMobile.Clear();
        _noMobileCount = 0;
    }

    private static string Greeting(DentalPatient patient) => $"Dear {patient.FirstName} {patient.LastName}";

    public async Task SubmitClaimAsync(CourseOfTreatment course, DentalPatient patient, CancellationToken cancellationToken)
    {
        using var span = Source.StartDentalOperation("claims");
        span.SetDentalPatientId(pseudonymizer.PseudonymizeDentalPatientId(patient.NhsNumber)); // clean generated-api
        span.SetDentalClinicianId(pseudonymizer.PseudonymizeDentalClinicianId(course.PerformerNumber)); // clean generated-api
        span.SetDentalService(course.Band); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CourseId"] = course.CourseId, ["Band"] = course.Band }); // clean precision-names
        try
        {
            var receipt = await claims.SubmitAsync(course, patient.NhsNumber, cancellationToken);
            logger.LogInformation("Claim {ClaimId} {Status} for {Udas} UDAs", receipt.ClaimId, receipt.Status, receipt.Udas); // clean precision-names
            logger.LogInformation("Course submitted {@Course}", course); // leak TC1001 logging-objects
            ClaimsSubmitted.Add(1, new KeyValuePair<string, object?>("dental.band", course.Band), new KeyValuePair<string, object?>("dental.status", receipt.Status)); // clean precision-about
            ClaimsSubmitted.Add(0, new KeyValuePair<string, object?>("dental.performer", course.PerformerNumber)); // leak TC1003 direct
        }
        catch (PatientNotRegisteredException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Claim {CourseId} refused: patient not registered", course.CourseId); // leak TC1001 exceptions
        }
        catch (ClaimRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Claim rejected: {Reason}", ex.Message); // clean exceptions
        }
        catch (PerformerNotListedException ex)
        {
            span.SetDentalNote(ex.Message); // leak TC1001 generated-api
            span.SetDentalOutcome(ex.GetType().Name); // clean exceptions
        }
    }

    public void TagShard(Activity? activity, DentalPatient patient)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(patient.NhsNumber));
        activity?.SetTag("dental.patient.shard", mac[0] % 32); // clean hashes
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(patient.NhsNumber));
        activity?.SetTag("dental.patient.hash", Convert.ToHexString(digest)[..12]); // leak TC1002 hashes
        activity?.SetTag("dental.patient.age_decade", (DateTime.UtcNow.Year - patient.DateOfBirth.Year) / 10 * 10); // clean precision-about
        LogRecallOptOut(logger, patient.NhsNumber, "patient-request"); // clean logging-objects
        LogRecallBounced(logger, patient.Email); // leak TC1001 logging-objects
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Patient {NhsNumber} opted out of recalls ({Reason})")]
    private static partial void LogRecallOptOut(ILogger logger, [PrivateData] string nhsNumber, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Recall email bounced for {Email}")]
    private static partial void LogRecallBounced(ILogger logger, string email);
}
