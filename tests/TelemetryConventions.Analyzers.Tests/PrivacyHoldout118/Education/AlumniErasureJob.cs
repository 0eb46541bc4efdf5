namespace PrivacyHoldout118.Education;

/// <summary>
/// Erasure of a former pupil's data six years after they leave, or on request: each system (the MIS, the
/// learning platform, the library, the catering till) erases, and a tombstone is kept so that a restored
/// backup can be erased again.
/// </summary>
public sealed partial class AlumniErasureJob(
    IEnumerable<IErasureTarget> targets,
    ITombstoneStore tombstones,
    Pseudonymizer pseudonymizer,
    ILogger<AlumniErasureJob> logger)
{
    private static readonly ActivitySource Source = new("Trust.DataProtection.Erasure");
    private static readonly Meter Meter = new("Trust.DataProtection.Erasure");
    private static readonly Counter<long> RowsErased = Meter.CreateCounter<long>("eddsr.erasure.rows");
    private static readonly Counter<long> Tombstones = Meter.CreateCounter<long>("eddsr.erasure.tombstones");

    public async Task RunAsync(ErasureTask task, CancellationToken ct)
    {
        using var span = Source.StartEddsrRequest(task.RequestId.ToString(), "erasure");
        span.Activity?.SetTag("eddsr.job.id", task.JobId.ToString()); // clean precision-names
        span.Activity?.SetTag("eddsr.job.attempt", task.Attempt); // clean precision-about
        logger.LogInformation("Erasure task {Task}", task); // leak TC1001 logging-objects
        ErasureStarted(logger, task.JobId, task.SubjectKey); // clean logging-objects
        ErasureStartedUnclassified(logger, task.JobId, task.SubjectKey); // leak TC1001 logging-objects

        var systems = new List<string>();
        foreach (var target in targets)
        {
            try
            {
                var outcome = await target.EraseAsync(task.SubjectKey, ct);
                systems.Add(target.System);
                logger.LogInformation("Erased in {System}: {Outcome}", target.System, outcome); // clean logging-objects
                RowsErased.Add(outcome.RowsDeleted, new KeyValuePair<string, object?>("system", outcome.System), new KeyValuePair<string, object?>("status", outcome.Status.ToString())); // clean precision-names
            }
            catch (ErasureFailedException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogError(ex, "Erasure failed in {System}", ex.System); // clean exceptions
            }
            catch (ErasureBlockedException ex)
            {
                span.SetEddsrHoldId(ex.HoldId).SetEddsrOutcome("held"); // clean precision-names
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Hold {HoldId} blocks the erasure: {Reason}", ex.HoldId, ex.Message); // leak TC1001 exceptions
                logger.LogEddsrRequestFailedEvent(task.RequestId.ToString(), "held", eddsrNote: ex.GetType().Name); // clean exceptions
            }
        }

        var tombstone = new Tombstone(pseudonymizer.ComputeEddsrSubjectId(task.SubjectKey), DateTimeOffset.UtcNow, systems);
        await tombstones.WriteAsync(tombstone, ct);
        logger.LogInformation("Tombstone written {Tombstone}", tombstone); // clean precision-pseudonym
        logger.LogInformation("Erased from {Systems}", string.Join(", ", tombstone.Systems)); // clean precision-names
        Tombstones.Add(1, new KeyValuePair<string, object?>("eddsr.subject", tombstone.SubjectPseudonym)); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("eddsr.subject.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(task.SubjectKey)))[..12]); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Erasure job {JobId} started for {StudentNumber}")]
    private static partial void ErasureStarted(ILogger logger, Guid jobId, [PrivateData] string studentNumber);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Erasure job {JobId} started for {StudentNumber}")]
    private static partial void ErasureStartedUnclassified(ILogger logger, Guid jobId, string studentNumber);
}
