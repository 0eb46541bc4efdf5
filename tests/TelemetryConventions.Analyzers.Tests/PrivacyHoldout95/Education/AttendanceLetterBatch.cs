namespace PrivacyHoldout95.Education;

/// <summary>A student below the attendance threshold this half-term, with the guardian the letter goes to.</summary>
public sealed record AttendanceConcern(string StudentNumber, string PreferredName, string ClassCode, decimal AttendancePercent, string? GuardianEmail, string? GuardianName);

public interface IAttendanceReadModel
{
    Task<IReadOnlyList<AttendanceConcern>> BelowThresholdAsync(string school, DateOnly from, DateOnly to, decimal threshold, CancellationToken cancellationToken = default);

    Task<AttendanceConcern?> ForStudentAsync(string studentNumber, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

/// <summary>Renders and posts letters (not telemetry).</summary>
public interface ILetterService
{
    Task<string> SendAttendanceLetterAsync(AttendanceConcern concern, CancellationToken cancellationToken = default);
}

/// <summary>The letter service could not reach the guardian; quotes the address it tried.</summary>
public sealed class LetterUndeliverableException(string address) : Exception($"Letter could not be delivered to {address}");

/// <summary>
/// The half-termly attendance letter batch, started by the scheduler for a school and a period, or by the attendance
/// officer for one student (a re-run from the dashboard). Runs as a batch job with its parameters and counters.
/// </summary>
public sealed partial class AttendanceLetterBatch(IAttendanceReadModel attendance, ILetterService letters, IJobRunStore runs, Pseudonymizer pseudonymizer, ILogger<AttendanceLetterBatch> logger)
{
    private static readonly ActivitySource Source = new("Academy.Batch");

    public Task<JobExecution> RunForSchoolAsync(string school, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        RunAsync(new JobParameters(new Dictionary<string, string> { ["school"] = school, ["from"] = from.ToString("O"), ["to"] = to.ToString("O") }), cancellationToken);

    public Task<JobExecution> RerunForStudentAsync(string studentNumber, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        RunAsync(new JobParameters(new Dictionary<string, string> { ["student"] = studentNumber, ["from"] = from.ToString("O"), ["to"] = to.ToString("O") }), cancellationToken);

    private async Task<JobExecution> RunAsync(JobParameters parameters, CancellationToken cancellationToken)
    {
        var execution = new JobExecution(Random.Shared.NextInt64(), "attendance-letters", parameters) { StartTime = DateTimeOffset.UtcNow };
        using var span = Source.StartTermjobsJobRun(execution.JobName).SetTermjobsJobId(execution.Id.ToString(CultureInfo.InvariantCulture));
        logger.LogInformation("Starting {Execution}", execution); // leak TC1001 logging-objects
        span.Activity?.SetTag("termjobs.parameters", string.Join(",", parameters.Names)); // clean precision-names
        var run = await runs.StartAsync(execution.JobName, parameters.Get("student") is null ? "schedule" : "rerun", JsonSerializer.Serialize(parameters.ToDictionary(p => p.Key, p => p.Value)), cancellationToken: cancellationToken);

        var from = DateOnly.Parse(parameters.Get("from")!, CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(parameters.Get("to")!, CultureInfo.InvariantCulture);
        IReadOnlyList<AttendanceConcern> concerns = parameters.Get("student") is { } student
            ? (await attendance.ForStudentAsync(student, from, to, cancellationToken)) is { } one ? [one] : []
            : await attendance.BelowThresholdAsync(parameters.Get("school")!, from, to, 90m, cancellationToken);

        var step = new StepExecution("send-letters");
        execution.Steps.Add(step);
        foreach (var concern in concerns)
        {
            step.ReadCount++;
            if (concern.GuardianEmail is null)
            {
                step.SkipCount++;
                logger.LogWarning("Skipped {Concern}: no guardian on file", concern); // leak TC1001 logging-objects
                continue;
            }
            try
            {
                var letterId = await letters.SendAttendanceLetterAsync(concern, cancellationToken);
                step.WriteCount++;
                LetterSent(logger, letterId, concern.StudentNumber, concern.AttendancePercent); // clean logging-objects
            }
            catch (LetterUndeliverableException ex)
            {
                step.SkipCount++;
                logger.LogWarning(ex, "Letter for class {Class} undeliverable", concern.ClassCode); // leak TC1001 exceptions
                span.Activity?.SetTag("error.type", nameof(LetterUndeliverableException)); // clean exceptions
                LetterFailed(logger, concern.StudentNumber, concern.GuardianName ?? "unknown"); // leak TC1001 logging-objects
            }
        }

        execution.Status = BatchStatus.Completed;
        execution.ExitCode = step.SkipCount == 0 ? "COMPLETED" : "COMPLETED_WITH_SKIPS";
        logger.LogInformation("Step done: {Step}", step); // clean logging-objects
        span.SetTermjobsBatchSize(step.ReadCount).SetTermjobsOutcome(execution.ExitCode.ToLowerInvariant());
        span.Activity?.SetTag("termjobs.cohort.mean_attendance", concerns.Count == 0 ? 0 : concerns.Average(c => (double)c.AttendancePercent)); // clean precision-about
        if (parameters.Get("student") is { } rerunStudent)
        {
            span.SetTermjobsStudentId(pseudonymizer.PseudonymizeTermjobsStudentId(rerunStudent)); // clean precision-pseudonym
            span.Activity?.SetTag("termjobs.rerun.student", rerunStudent); // leak TC1001 direct
            span.SetTermjobsJobKey($"attendance-letters:{rerunStudent}:{from:O}"); // leak TC1001 generated-api
        }
        await runs.CompleteAsync(run.RunId, execution.ExitCode, cancellationToken: cancellationToken);
        return execution;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Attendance letter {LetterId} sent for student {StudentNumber} at {Percent}%")]
    private static partial void LetterSent(ILogger logger, string letterId, [PrivateData] string studentNumber, decimal percent);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Attendance letter for {StudentNumber} could not reach {GuardianName}")]
    private static partial void LetterFailed(ILogger logger, string studentNumber, string guardianName);
}
