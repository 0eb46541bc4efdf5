namespace PrivacyHoldout156.Education;

/// <summary>Handles apprentices' logbook entries and the assessors' sign-offs for the hair and barbering standards.</summary>
public sealed partial class ApprenticeLogbookHandler(
    ILearnerRecords learners,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ApprenticeLogbookHandler> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Academy.Logbook");

    private readonly Counter<long> _signOffs = meter.CreateCounter<long>("logbook.sign_offs");
    private readonly Dictionary<string, int> _entriesByLearner = new();
    private LogbookEntry? _lastRejected;
    private string _lastUnit = "";

    public async Task SignOffAsync(LogbookEntry entry, Assessment assessment, CancellationToken cancellationToken)
    {
        using var span = Source.StartHairacademyOperation("northgate-college")
            .SetHairacademyLearnerId(pseudonymizer.PseudonymizeHairacademyLearnerId(entry.StudentNumber)) // clean generated-api
            .SetHairacademyAssessorId(pseudonymizer.PseudonymizeHairacademyAssessorId(entry.AssessorStaffId)); // clean generated-api
        span.SetHairacademyService(entry.Service); // clean generated-api
        _entriesByLearner[entry.StudentNumber] = _entriesByLearner.GetValueOrDefault(entry.StudentNumber) + 1;
        _lastUnit = assessment.Unit;

        logger.LogInformation("Assessment {@Assessment}", assessment); // clean logging-objects
        LogSignOff(logger, entry.EntryId, entry.AssessorStaffId); // leak TC1001 logging-objects
        LogSignOffRedacted(logger, entry.EntryId, entry.StudentNumber); // clean logging-objects
        _signOffs.Add(1, new KeyValuePair<string, object?>("unit", assessment.Unit), new KeyValuePair<string, object?>("passed", assessment.Passed)); // clean direct
        _signOffs.Add(1, new KeyValuePair<string, object?>("assessor", entry.AssessorStaffId)); // leak TC1003 direct

        if (!assessment.Passed)
        {
            _lastRejected = entry;
            span.SetHairacademyNote(entry.Reflection); // leak TC1001 generated-api
            span.SetHairacademyOutcome($"referred:{assessment.Grade}"); // clean generated-api
            logger.LogHairacademyOperationFailedEvent("northgate-college", "referred", hairacademyNote: $"Unit {assessment.Unit} referred, reflection {entry.Reflection.Split(' ').Length} words"); // clean generated-api
            return;
        }

        await learners.SignOffAsync(entry.EntryId, entry.AssessorStaffId, cancellationToken);
        Activity.Current?.SetTag("logbook.reflection_words", entry.Reflection.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        Activity.Current?.SetTag("logbook.lane", LaneOf(entry.StudentNumber)); // clean hashes
        Activity.Current?.SetTag("logbook.learner_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(entry.StudentNumber)))[..12]); // leak TC1002 hashes
    }

    public void PublishWeek()
    {
        using var activity = Source.StartActivity("logbook.week");
        activity?.SetTag("logbook.last_unit", _lastUnit); // clean cross-member
        activity?.SetTag("logbook.learners_active", _entriesByLearner.Count); // clean cross-member
        activity?.SetTag("logbook.learners", string.Join(";", _entriesByLearner.Keys)); // leak TC1001 cross-member
        if (_lastRejected is not null)
        {
            activity?.SetTag("logbook.last_rejected.entry", _lastRejected.EntryId); // clean cross-member
            activity?.SetTag("logbook.last_rejected.reflection", _lastRejected.Reflection); // leak TC1001 cross-member
            logger.LogInformation("Last rejected {Entry}", _lastRejected); // leak TC1001 cross-member
        }
    }

    private int LaneOf(string studentNumber) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 8;

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Entry {EntryId} signed off by {AssessorStaffId}")]
    private static partial void LogSignOff(ILogger logger, string entryId, string assessorStaffId);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Entry {EntryId} for learner {StudentNumber} signed off")]
    private static partial void LogSignOffRedacted(ILogger logger, string entryId, [PrivateData] string studentNumber);
}
