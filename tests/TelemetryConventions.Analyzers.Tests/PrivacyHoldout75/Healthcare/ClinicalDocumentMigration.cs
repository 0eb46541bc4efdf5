namespace PrivacyHoldout75.Healthcare;

/// <summary>
/// Upgrades clinic letters in the EPR document store from schema v3 (flat patient fields) to v4 (a
/// nested <c>patient</c> object with a pseudonymous <c>patientRef</c>), in batches of 500 with a
/// checkpoint after each batch. Letters are keyed by their letter id, a GUID.
/// </summary>
public sealed class ClinicalDocumentMigration(
    IDocumentStore documents,
    ICheckpointStore checkpoints,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ClinicalDocumentMigration> logger)
{
    private const string Job = "epr-letters-v4";
    private const string Collection = "clinic-letters";
    private const int TargetVersion = 4;
    private const int BatchSize = 500;

    private static readonly HashSet<string> KnownLetterTypes = new(StringComparer.Ordinal) { "clinic", "discharge", "referral-ack", "results" };

    private readonly List<string> _touchedPatients = [];

    public async Task RunAsync(string runId, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.LoadAsync(Job, cancellationToken);
        logger.LogInformation("Starting {Job} run {RunId} from {Checkpoint}", Job, runId, checkpoint); // clean logging-objects

        var number = 0;
        var pending = new List<PersistedDocument>(BatchSize);
        await foreach (var document in documents.BelowVersionAsync(Collection, TargetVersion, BatchSize, cancellationToken))
        {
            pending.Add(document);
            if (pending.Count == BatchSize)
            {
                number++;
                await MigrateBatchAsync(runId, new MigrationBatch(Job, $"{runId}-{number:D5}", number, pending.Count), pending, cancellationToken);
                pending.Clear();
            }
        }
    }

    private async Task MigrateBatchAsync(string runId, MigrationBatch batch, List<PersistedDocument> letters, CancellationToken cancellationToken)
    {
        using var span = source.StartEhrmigBatch(runId);
        span.SetEhrmigBatchId(batch.BatchId).SetEhrmigRecords(batch.Size).SetEhrmigSchemaVersion(TargetVersion);
        logger.LogInformation("Migrating {Batch}", batch); // clean logging-objects
        var stopwatch = Stopwatch.StartNew();

        var rows = letters.Select(l => (Id: l.Id, Nhs: l.Body.GetValueOrDefault("nhsNumber") as string, Type: l.Body.GetValueOrDefault("letterType") as string)).ToList();
        var violations = DataQuality.Check(rows,
            new QualityRule<(string Id, string? Nhs, string? Type)>("nhs-number-format", "nhsNumber", r => r.Nhs, v => v is { Length: 10 } && v.All(char.IsAsciiDigit)),
            new QualityRule<(string Id, string? Nhs, string? Type)>("letter-type-known", "letterType", r => r.Type, v => v is not null && KnownLetterTypes.Contains(v)));
        foreach (var violation in violations)
        {
            logger.LogWarning("Rule {Rule} failed on row {Row} of {BatchId} ({Column})", violation.Rule, violation.Row, batch.BatchId, violation.Column); // clean precision-about
            logger.LogDebug("Rule {Rule} failed on row {Row}: '{Value}'", violation.Rule, violation.Row, violation.Value); // leak TC1001 direct
            meter.CreateEhrmigDocumentsCounter().Add(1, "dq-failed", ehrmigRule: violation.Rule); // clean generated-api
        }
        if (violations.Count > 0)
        {
            logger.LogEhrmigMismatchEvent(violations[0].Rule, "dq-failed", ehrmigBatchId: batch.BatchId, ehrmigNote: $"{violations.Count} violations, first on row {violations[0].Row}"); // clean generated-api
            logger.LogWarning("Batch {BatchId} violations: {Violations}", batch.BatchId, violations); // leak TC1001 logging-objects
        }

        var migrated = 0;
        foreach (var letter in letters)
        {
            try
            {
                Upgrade(batch, letter);
                await documents.ReplaceAsync(letter, cancellationToken);
                migrated++;
            }
            catch (SchemaUpgradeException ex)
            {
                logger.LogWarning(ex, "Could not upgrade {Letter}", letter); // leak TC1001 exceptions
                span.SetEhrmigOutcome("upgrade-failed").SetEhrmigNote(ex.GetType().Name); // clean exceptions
            }
            catch (MigrationConflictException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "Letter {Letter} was migrated by another run", letter); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
        }

        var last = letters[^1];
        var checkpoint = new Checkpoint(Job, batch.BatchId, last.Id, migrated, DateTimeOffset.UtcNow);
        await checkpoints.SaveAsync(checkpoint, cancellationToken);
        logger.LogDebug("Saved {Checkpoint}", checkpoint); // clean logging-objects
        meter.CreateEhrmigBatchDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, migrated == letters.Count ? "migrated" : "partial"); // clean generated-api
    }

    private void Upgrade(MigrationBatch batch, PersistedDocument letter)
    {
        if (letter.SchemaVersion > 3)
        {
            throw new MigrationConflictException(batch.BatchId, 3, letter.SchemaVersion);
        }
        if (letter.SchemaVersion < 3)
        {
            throw new SchemaUpgradeException(Collection, letter.Id, letter.SchemaVersion, TargetVersion, "only v3 letters are upgraded");
        }
        var hospitalNumber = letter.Body["hospitalNumber"] as string ?? throw new SchemaUpgradeException(Collection, letter.Id, 3, TargetVersion, "hospitalNumber is missing");
        if (letter.Body.GetValueOrDefault("nhsNumber") is string nhs && nhs.Length != 10)
        {
            throw new SchemaUpgradeException(Collection, letter.Id, 3, TargetVersion, $"nhsNumber '{nhs}' is not ten digits");
        }

        // Letters imported from the old PAS in 2019 carry the raw hospital number in patientRef;
        // the v4 schema keeps whatever is there and the upgrade copies it across.
        var patientRef = letter.Body.GetValueOrDefault("patientRef") as string ?? pseudonymizer.ComputeEhrmigPatientId(hospitalNumber);
        letter.Body["patient"] = new Dictionary<string, object?> { ["hospitalNumber"] = hospitalNumber, ["nhsNumber"] = letter.Body["nhsNumber"], ["patientRef"] = patientRef };
        letter.Body.Remove("hospitalNumber");
        letter.Body.Remove("nhsNumber");
        letter.SchemaVersion = TargetVersion;
        _touchedPatients.Add(hospitalNumber);

        new EhrmigBatchSpan(Activity.Current).SetEhrmigPatientId(pseudonymizer.PseudonymizeEhrmigPatientId(hospitalNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(EhrmigAttributes.PatientId, Pseudonym.FromComputed(patientRef).Value); // leak TC1001 precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("letter.upgraded", tags: new ActivityTagsCollection { ["letter.id"] = letter.Id, ["letter.version"] = TargetVersion })); // clean precision-about
    }

    /// <summary>The rollback script of the runbook: restores the v3 body from the backup table.</summary>
    public async Task RollbackAsync(string runId, IReadOnlyList<PersistedDocument> backups, CancellationToken cancellationToken)
    {
        using var span = source.StartEhrmigBatch(runId);
        span.SetEhrmigOutcome("rollback").SetEhrmigRecords(backups.Count);
        foreach (var backup in backups)
        {
            await documents.ReplaceAsync(backup, cancellationToken);
        }
        logger.LogWarning("Rolled back run {RunId}: letters {LetterIds}", runId, backups.Select(b => b.Id).ToList()); // clean logging-objects
        logger.LogWarning("Rolled back run {RunId}: patients {Patients}", runId, _touchedPatients); // leak TC1001 logging-objects
    }
}
