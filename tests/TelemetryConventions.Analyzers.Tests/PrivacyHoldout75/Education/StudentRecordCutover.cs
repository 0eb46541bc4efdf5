namespace PrivacyHoldout75.Education;

public sealed record StudentRecord(
    string StudentNumber,
    string? Uln,
    string PreferredName,
    string LegalSurname,
    string CourseCode,
    string Campus,
    int YearGroup,
    string? GuardianEmail,
    string Status);

/// <summary>
/// Moves student records from the legacy SIS to the new one: a keyset backfill in pages of 200
/// ordered by student number, dual writes while both systems are live, and reads switched campus by
/// campus behind the <c>sis-cutover:{campus}</c> flags, shadowed for a pilot cohort before that.
/// </summary>
public sealed partial class StudentRecordCutover(
    IRecordStore<StudentRecord> legacySis,
    IRecordStore<StudentRecord> newSis,
    ICheckpointStore checkpoints,
    IIdempotencyStore idempotency,
    IFeatureFlags flags,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StudentRecordCutover> logger)
{
    private const string Job = "sis-backfill";
    private const string AcademicYear = "2024-25";

    private readonly Queue<string> _retryWrites = new();
    private readonly Counter<long> _backfilled = meter.CreateCounter<long>("sis.backfill.records", "{record}");

    public async Task BackfillAsync(string runId, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.LoadAsync(Job, cancellationToken);
        logger.LogInformation("Backfill resumes after {Checkpoint}", checkpoint); // leak TC1001 logging-objects
        logger.LogInformation("Backfill resumes after batch {BatchId}, {Processed} records done", checkpoint?.BatchId, checkpoint?.Processed); // clean precision-about
        Baggage.SetBaggage("sis.backfill.run", runId); // clean precision-about

        var after = checkpoint?.LastKey;
        var number = 0;
        var processed = checkpoint?.Processed ?? 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = new List<KeyValuePair<string, StudentRecord>>();
            await foreach (var row in legacySis.ScanAsync(after, 200, cancellationToken))
            {
                page.Add(row);
            }
            if (page.Count == 0)
            {
                break;
            }

            var batchId = $"{runId}/{++number:D4}";
            using var span = source.StartSismigRun(runId);
            span.SetSismigBatchId(batchId).SetSismigRecords(page.Count).SetSismigStore(newSis.Name);

            foreach (var (studentNumber, record) in page)
            {
                var idempotencyKey = $"{studentNumber}:{record.CourseCode}:{AcademicYear}";
                if (!await idempotency.TryClaimAsync(idempotencyKey, TimeSpan.FromDays(30), cancellationToken))
                {
                    logger.LogDebug("Skipping {IdempotencyKey}: already backfilled", idempotencyKey); // leak TC1001 strings
                    continue;
                }
                await newSis.PutAsync(studentNumber, record, cancellationToken);
                _backfilled.Add(1, new KeyValuePair<string, object?>("campus", record.Campus), new KeyValuePair<string, object?>("year_group", record.YearGroup)); // clean precision-about
            }

            after = page[^1].Key;
            processed += page.Count;
            await checkpoints.SaveAsync(new Checkpoint(Job, batchId, after, processed, DateTimeOffset.UtcNow), cancellationToken);
            span.SetSismigNote($"checkpoint saved after {after}"); // leak TC1001 generated-api
            LogBatchDone(logger, batchId, page.Count, processed);
        }
    }

    public async Task<StudentRecord?> GetAsync(string studentNumber, string campus, CancellationToken cancellationToken)
    {
        var flag = $"sis-cutover:{campus}";
        var useNew = flags.IsEnabled(flag);
        Activity.Current?.SetTag("sis.cutover.flag", flag); // clean precision-about
        Activity.Current?.SetTag("sis.read_store", useNew ? newSis.Name : legacySis.Name); // clean precision-names
        if (useNew)
        {
            return await newSis.GetAsync(studentNumber, cancellationToken);
        }

        var legacyCopy = await legacySis.GetAsync(studentNumber, cancellationToken);
        if (legacyCopy is not null && flags.IsEnabledFor("sis-shadow-reads", studentNumber))
        {
            var shadow = await newSis.GetAsync(studentNumber, cancellationToken);
            var fields = shadow is null ? ["*"] : RecordDiff.ChangedFields(legacyCopy, shadow);
            if (fields.Count > 0)
            {
                logger.LogWarning("Shadow read differs in {Fields} for student {StudentNumber}", string.Join(",", fields), studentNumber); // leak TC1001 direct
                logger.LogSismigMismatchEvent("shadow-read", "differs", pseudonymizer.PseudonymizeSismigStudentId(studentNumber), sismigChangedFields: string.Join(",", fields)); // clean precision-pseudonym
                meter.CreateSismigRecordsCounter().Add(1, "shadow-differs", sismigStore: newSis.Name); // clean generated-api
            }
        }
        return legacyCopy;
    }

    public async Task UpdateAsync(StudentRecord updated, CancellationToken cancellationToken)
    {
        var before = await legacySis.GetAsync(updated.StudentNumber, cancellationToken);
        await legacySis.PutAsync(updated.StudentNumber, updated, cancellationToken);
        try
        {
            await newSis.PutAsync(updated.StudentNumber, updated, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            _retryWrites.Enqueue(updated.StudentNumber);
            logger.LogError(ex, "Dual write to {Store} failed; queued for retry", newSis.Name); // clean exceptions
        }

        if (before is null)
        {
            return;
        }
        foreach (var change in RecordDiff.Changes(before, updated))
        {
            if (change.Field == nameof(StudentRecord.GuardianEmail))
            {
                Activity.Current?.SetTag(SismigAttributes.GuardianContact, change.New); // leak TC1001 generated-api
                Activity.Current?.SetTag("sis.guardian_changed", true); // clean precision-about
            }
            else if (change.Field is nameof(StudentRecord.CourseCode) or nameof(StudentRecord.Campus))
            {
                logger.LogInformation("{Field} changed from {Old} to {New}", change.Field, change.Old, change.New); // clean precision-about
            }
        }

        var sample = MD5.HashData(Encoding.UTF8.GetBytes(updated.StudentNumber))[0] < 26;
        Activity.Current?.SetTag("sis.audit_sample", sample); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(updated.StudentNumber))[0] % 8;
        _backfilled.Add(0, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
    }

    public void ReportRetries()
    {
        logger.LogWarning("{Count} dual writes waiting for retry", _retryWrites.Count);
        logger.LogWarning("Dual writes waiting for retry: {Students}", string.Join(",", _retryWrites)); // leak TC1001 cross-member
        Activity.Current?.AddBaggage("sis.retry.head", _retryWrites.Peek()); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Batch {BatchId} backfilled {Count} records ({Processed} so far)")]
    private static partial void LogBatchDone(ILogger logger, string batchId, int count, long processed);
}
