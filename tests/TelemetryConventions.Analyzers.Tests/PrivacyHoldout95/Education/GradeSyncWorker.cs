namespace PrivacyHoldout95.Education;

/// <summary>A grade as the gradebook holds it, waiting to go to the student information system.</summary>
public sealed record PendingGrade(string StudentNumber, string ClassCode, string AssessmentId, string Grade, DateTimeOffset UpdatedAt);

public interface IGradebook
{
    /// <summary>Grades changed since the watermark, ordered by student number, after <paramref name="afterStudent"/>.</summary>
    Task<IReadOnlyList<PendingGrade>> ChangedSinceAsync(string school, DateTimeOffset watermark, string? afterStudent, int take, CancellationToken cancellationToken = default);
}

/// <summary>The SIS' answer for one record of a batch; <see cref="Message"/> is the SIS' text for the field.</summary>
public sealed record SisRecordError(string StudentNumber, string Field, string Code, string Message);

public interface ISisClient
{
    Task<IReadOnlyList<SisRecordError>> UpsertGradesAsync(string school, IReadOnlyList<PendingGrade> grades, CancellationToken cancellationToken = default);
}

/// <summary>The SIS refused a whole batch; names the school, the endpoint and the HTTP status.</summary>
public sealed class SisUnavailableException(string school, int status) : Exception($"SIS grade endpoint for {school} returned {status}")
{
    public int Status { get; } = status;
}

/// <summary>
/// Pushes the day's grade changes of every school to the SIS at 02:00 local time, one chunk of students at a time, with a
/// checkpoint per school so that a restart resumes after the last student sent. One instance runs it under a lock.
/// </summary>
public sealed class GradeSyncWorker(
    IGradebook gradebook,
    ISisClient sis,
    ICheckpointStore checkpoints,
    IDistributedLockProvider locks,
    Pseudonymizer pseudonymizer,
    IOptions<JobOptions> options,
    TimeProvider time,
    Meter meter,
    ILogger<GradeSyncWorker> logger) : BackgroundService
{
    private const string JobName = "grade-sync";
    private static readonly ActivitySource Source = new("Academy.Jobs");
    private static readonly string[] Schools = ["ACAD-01", "ACAD-02", "ACAD-04"];

    private readonly TermjobsJobDurationHistogram _duration = meter.CreateTermjobsJobDurationHistogram();
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("termjobs.grades.rejected", "{grade}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cron = CronExpression.Parse("0 2 * * *");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = cron.GetNextOccurrence(time.GetUtcNow(), zone) ?? time.GetUtcNow().AddDays(1);
            logger.LogInformation("{Job} next runs at {Next} ({Cron}, {Zone})", JobName, next, cron, zone.Id); // clean precision-names
            await Task.Delay(next - time.GetUtcNow(), time, stoppingToken);

            await using var handle = await locks.CreateLock($"jobs:{JobName}").TryAcquireAsync(options.Value.LockTimeout, stoppingToken);
            if (handle is null)
            {
                logger.LogInformation("{Job} skipped: another instance holds the lock", JobName);
                continue;
            }
            foreach (var school in Schools)
            {
                await SyncSchoolAsync(school, stoppingToken);
            }
        }
    }

    private async Task SyncSchoolAsync(string school, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTermjobsJobRun(JobName).SetTermjobsSchool(school);
        var checkpoint = await checkpoints.LoadAsync(JobName, school, cancellationToken)
            ?? new Checkpoint(JobName, school, null, time.GetUtcNow().AddDays(-1), 0);
        logger.LogInformation("Resuming {Job} for {School} from {Checkpoint}", JobName, school, checkpoint); // leak TC1001 logging-objects
        span.Activity?.SetTag("termjobs.checkpoint.watermark", checkpoint.Watermark); // clean precision-about
        span.Activity?.SetTag("termjobs.checkpoint.last_key", checkpoint.LastKey); // leak TC1001 direct

        var sent = 0L;
        var after = checkpoint.LastKey;
        while (true)
        {
            var chunk = await gradebook.ChangedSinceAsync(school, checkpoint.Watermark, after, options.Value.BatchSize, cancellationToken);
            if (chunk.Count == 0)
            {
                break;
            }
            span.SetTermjobsBatchSize(chunk.Count);
            logger.LogDebug("Chunk classes {Classes}", string.Join(",", chunk.Select(g => g.ClassCode).Distinct())); // clean strings
            logger.LogDebug("Chunk for {School}: students {First} to {Last}", school, chunk[0].StudentNumber, chunk[^1].StudentNumber); // leak TC1001 direct

            IReadOnlyList<SisRecordError> errors;
            try
            {
                errors = await sis.UpsertGradesAsync(school, chunk, cancellationToken);
            }
            catch (SisUnavailableException ex)
            {
                span.RecordException(ex, includeMessage: true).SetTermjobsOutcome("sis_unavailable"); // clean exceptions
                logger.LogError(ex, "SIS refused the chunk for {School} with {Status}; will resume from the checkpoint", school, ex.Status); // clean exceptions
                return;
            }

            foreach (var error in errors)
            {
                logger.LogWarning("SIS rejected {Field} ({Code}) for student {Student}: {Message}", error.Field, error.Code, error.StudentNumber, error.Message); // leak TC1001 direct
                _rejected.Add(1, new KeyValuePair<string, object?>("termjobs.sis.field", error.Field), new("termjobs.sis.code", error.Code)); // clean precision-names
            }
            if (errors.Count > 0)
            {
                var refused = errors.Select(e => pseudonymizer.ComputeTermjobsStudentId(e.StudentNumber));
                span.Activity?.SetTag("termjobs.rejected.students", string.Join(",", refused)); // clean precision-pseudonym
                _rejected.Add(errors.Count, new KeyValuePair<string, object?>("termjobs.student.id", pseudonymizer.ComputeTermjobsStudentId(errors[0].StudentNumber))); // leak TC1003 precision-pseudonym
            }

            after = chunk[^1].StudentNumber;
            sent += chunk.Count;
            await checkpoints.SaveAsync(checkpoint with { LastKey = after, Processed = checkpoint.Processed + chunk.Count }, cancellationToken);
        }

        span.SetTermjobsOutcome("succeeded");
        span.SetTermjobsNote($"{sent} grades sent for {school}"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, JobName, "succeeded"); // clean generated-api
    }
}
