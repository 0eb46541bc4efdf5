namespace PrivacyHoldout215.Energy;

/// <summary>The supplier's apprentice academy: field engineers in training book lessons with tutors at depots.</summary>
public sealed partial class ApprenticeTutoringService(
    IMarketplaceStore store,
    IDbsGateway dbs,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ApprenticeTutoringService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Energy.Academy");

    private readonly Histogram<int> _lessonMinutes = meter.CreateHistogram<int>("academy.lesson.minutes", "min");
    private readonly Dictionary<string, string> _namesByDepot = new();

    public async Task RecordLessonAsync(ApprenticeLesson lesson, CancellationToken cancellationToken)
    {
        using var span = Source.StartWattwiseOperation(lesson.Depot);
        span.SetWattwiseSubject(lesson.Module); // clean generated-api
        span.SetWattwiseMinutes(lesson.Minutes); // clean generated-api
        span.SetWattwiseClientId(pseudonymizer.PseudonymizeWattwiseClientId(lesson.EmployeeNumber)); // clean generated-api
        span.SetWattwiseNote(lesson.ApprenticeName); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("lesson.id", lesson.LessonId); // clean precision-names
        activity?.SetTag("apprentice.employee_number", lesson.EmployeeNumber); // leak TC1001 direct
        activity?.SetTag("apprentice.depot", lesson.Depot); // clean precision-names
        activity?.SetTag("lesson.module", lesson.Module); // clean precision-about

        _namesByDepot[lesson.Depot] = lesson.ApprenticeName;
        _lessonMinutes.Record(lesson.Minutes, new KeyValuePair<string, object?>("depot", lesson.Depot), new KeyValuePair<string, object?>("module", lesson.Module)); // clean precision-names
        _lessonMinutes.Record(lesson.Minutes, new KeyValuePair<string, object?>("apprentice", pseudonymizer.Pseudonymize("apprentice", lesson.EmployeeNumber))); // leak TC1003 precision-pseudonym
        LogLessonRecorded(logger, lesson.ApprenticeName, lesson.Module, lesson.Minutes); // clean logging-objects
        LogLessonRecordedByNumber(logger, lesson.EmployeeNumber, lesson.Module); // leak TC1001 logging-objects
        logger.LogInformation("Lesson {Lesson}", lesson); // leak TC1001 logging-objects
        logger.LogInformation("Lesson at depot {Depot}: {Module} for {Minutes} min", lesson.Depot, lesson.Module, lesson.Minutes); // clean precision-names
        await Task.CompletedTask;
    }

    public async Task VetTutorAsync(string tutorId, CancellationToken cancellationToken)
    {
        var tutor = await store.FindTutorAsync(tutorId, cancellationToken) ?? throw new InvalidOperationException("Tutor record missing");
        using var activity = Source.StartActivity("tutor.vet");
        activity?.SetTag("tutor.pseudonym", pseudonymizer.Pseudonymize("tutor", tutor.TutorId)); // clean precision-pseudonym
        activity?.SetTag("dbs.level", "enhanced"); // clean precision-about
        try
        {
            var check = await dbs.CheckAsync(tutor.TutorId, tutor.DbsCertificateNumber, cancellationToken);
            activity?.SetTag("dbs.check_id", check.CheckId); // clean precision-names
            activity?.SetTag("dbs.status", check.Status); // clean precision-about
            logger.LogInformation("DBS check {@Check}", check); // leak TC1001 logging-objects
            logger.LogInformation("DBS check {CheckId} is {Status}", check.CheckId, check.Status); // clean precision-names
            if (check.Status != "clear")
            {
                throw new DbsCheckFailedException(tutor.DbsCertificateNumber, check.Status);
            }
        }
        catch (DbsCheckFailedException ex)
        {
            logger.LogError(ex, "DBS check failed"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "dbs check failed"); // clean exceptions
            logger.LogWattwiseOperationFailedEvent("academy", "dbs-failed"); // clean generated-api
            new WattwiseOperationSpan(activity).RecordException(ex); // clean generated-api
        }
    }

    public void ReportDepotRoster(string depot)
    {
        if (_namesByDepot.TryGetValue(depot, out var name))
        {
            logger.LogInformation("Last apprentice at {Depot}: {Name}", depot, name); // leak TC1001 cross-member
        }

        Activity.Current?.SetTag("depot.apprentice_count", _namesByDepot.Count); // clean cross-member
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(depot))[0] & 7;
        Activity.Current?.SetTag("depot.shard", shard); // clean hashes
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Lesson recorded for {ApprenticeName}: {Module} ({Minutes} min)")]
    private static partial void LogLessonRecorded(ILogger logger, [PrivateData] string apprenticeName, string module, int minutes);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Lesson recorded for employee {EmployeeNumber}: {Module}")]
    private static partial void LogLessonRecordedByNumber(ILogger logger, string employeeNumber, string module);
}
