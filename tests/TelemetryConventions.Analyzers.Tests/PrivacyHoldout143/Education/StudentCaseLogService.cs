namespace PrivacyHoldout143.Education;

/// <summary>A case a student logs for their clinical portfolio, with their own reflection on it.</summary>
public sealed record CaseLogEntry(string CaseId, string StudentNumber, string Species, string Procedure, string SupervisorStaffId, string? Reflection);

/// <summary>A rotation's figures. Prints rotation, cases, species and how many were signed off.</summary>
public sealed record RotationSummary(string Rotation, int Cases, int Species, int SignedOff);

public interface ICaseLogStore
{
    Task SaveAsync(CaseLogEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>The case is already in the student's portfolio; quotes the student number and the case.</summary>
public sealed class DuplicateCaseLogException(string studentNumber, string caseId) : Exception($"Student {studentNumber} already logged case {caseId}");

/// <summary>
/// The students' clinical case logs at the teaching clinic: each case a student saw under supervision goes into
/// their portfolio, and a supervisor signs it off.
/// </summary>
public sealed partial class StudentCaseLogService(
    ICaseLogStore store,
    IAppointmentBook book,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<StudentCaseLogService> logger)
{
    private const string Rotation = "small-animal";

    private readonly Counter<long> _cases = meter.CreateCounter<long>("univet.case_log.entries", "{case}");

    private readonly Histogram<double> _turnaround = meter.CreateHistogram<double>("univet.signoff.turnaround", "h");

    private readonly HashSet<string> _awaitingSignOff = new(StringComparer.Ordinal);

    private CaseLogEntry? _lastRejected;

    public async Task LogCaseAsync(CaseLogEntry entry, CancellationToken cancellationToken)
    {
        using var span = source.StartUnivetOperation(Rotation);
        span.SetUnivetStudentId(pseudonymizer.PseudonymizeUnivetStudentId(entry.StudentNumber)); // clean generated-api
        span.SetUnivetSpecies(entry.Species);
        Activity.Current?.SetTag("univet.case.id", entry.CaseId); // clean precision-names
        Activity.Current?.SetTag("univet.case.procedure", entry.Procedure); // clean precision-about
        Activity.Current?.SetTag("univet.case.student", entry.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("univet.case.reflection_length", entry.Reflection?.Length ?? 0); // clean precision-about
        LogCaseLogged(logger, entry.StudentNumber, entry.CaseId, entry.Procedure); // clean logging-objects
        LogSupervisedBy(logger, entry.StudentNumber, entry.SupervisorStaffId); // leak TC1001 logging-objects

        var supervisor = await book.VetAsync(entry.SupervisorStaffId, cancellationToken);
        logger.LogDebug("Supervisor {Supervisor}", supervisor); // leak TC1001 logging-objects
        logger.LogDebug("Supervised at practice {Practice}", supervisor.Practice); // clean precision-names

        try
        {
            await store.SaveAsync(entry, cancellationToken);
            _awaitingSignOff.Add(entry.StudentNumber);
        }
        catch (DuplicateCaseLogException ex)
        {
            _lastRejected = entry;
            logger.LogWarning(ex, "Case log rejected"); // leak TC1001 exceptions
            Activity.Current?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
            span.SetUnivetOutcome("duplicate");
            return;
        }

        var cohort = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(entry.StudentNumber)))[..2];
        _cases.Add(1, new KeyValuePair<string, object?>("species", entry.Species), new KeyValuePair<string, object?>("cohort", cohort)); // leak TC1002 hashes
        var sample = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(entry.StudentNumber))[1] < 26;
        Activity.Current?.SetTag("univet.case.sampled", sample); // clean hashes
        span.SetUnivetCaseCount(1);
    }

    public void SignOff(string studentNumber, string caseId, TimeSpan waited, string supervisorName)
    {
        _turnaround.Record(waited.TotalHours, new KeyValuePair<string, object?>("rotation", Rotation)); // clean precision-about
        _awaitingSignOff.Remove(studentNumber);
        logger.LogInformation("Case {CaseId} signed off by {Supervisor}", caseId, supervisorName); // leak TC1001 direct
        logger.LogInformation("Case {CaseId} signed off for {Student}", caseId, pseudonymizer.ComputeUnivetStudentId(studentNumber)); // clean precision-pseudonym
        var summary = new RotationSummary(Rotation, 12, 3, 9);
        logger.LogInformation("Rotation so far {@Summary}", summary); // clean logging-objects
    }

    /// <summary>Called weekly by the portfolio reminder job.</summary>
    public void ReportBacklog()
    {
        logger.LogInformation("Students awaiting sign-off: {Students}", _awaitingSignOff); // leak TC1001 cross-member
        logger.LogInformation("{Count} students awaiting sign-off", _awaitingSignOff.Count); // clean cross-member
        if (_lastRejected is { } rejected)
        {
            Activity.Current?.SetTag("univet.case.last_rejected", rejected.CaseId); // clean cross-member
            Activity.Current?.SetTag("univet.case.last_rejected_student", rejected.StudentNumber); // leak TC1001 cross-member
            logger.LogDebug("Last rejected reflection: {Reflection}", rejected.Reflection); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Student {StudentNumber} logged case {CaseId} ({Procedure})")]
    private static partial void LogCaseLogged(ILogger logger, [PrivateData] string studentNumber, string caseId, string procedure);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Student {StudentNumber} supervised by {SupervisorStaffId}")]
    private static partial void LogSupervisedBy(ILogger logger, string studentNumber, [PublicData] string supervisorStaffId);
}
