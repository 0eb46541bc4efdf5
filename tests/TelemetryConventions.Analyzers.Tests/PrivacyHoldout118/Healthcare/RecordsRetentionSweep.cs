namespace PrivacyHoldout118.Healthcare;

/// <summary>
/// The nightly sweep of the records retention schedule: rows past their period are deleted or, for the
/// statistics tables, anonymised; a patient under a legal hold (a clinical negligence claim) is skipped.
/// </summary>
public sealed class RecordsRetentionSweep(
    IReadOnlyList<RetentionRule> rules,
    ISweepSource source,
    ILegalHoldRegistry holds,
    TelemetrySecrets secrets,
    PrivacyOptions options,
    ILogger<RecordsRetentionSweep> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Records.Retention");
    private static readonly Meter Meter = new("Trust.Records.Retention");
    private static readonly HcdsrSweepDurationHistogram Duration = Meter.CreateHcdsrSweepDurationHistogram();
    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>("hcdsr.sweep.skipped");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var active = await holds.ActiveAsync(stoppingToken);
        var held = active.Select(h => h.Custodian).ToHashSet(StringComparer.Ordinal);
        logger.LogInformation("{Count} legal holds active", active.Count); // clean precision-about
        logger.LogDebug("Active holds: {Holds}", active); // leak TC1001 logging-objects
        logger.LogDebug("Matters on hold: {Matters}", string.Join(", ", active.Select(h => h.Matter))); // clean precision-names
        logger.LogDebug("Held patients: {Held}", string.Join(", ", held)); // leak TC1001 strings

        foreach (var rule in rules)
        {
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartHcdsrSweep(rule.RuleId);
            span.Activity?.SetTag("hcdsr.retention.category", rule.DataCategory); // clean precision-names
            span.Activity?.SetTag("hcdsr.retention.period.days", (int)rule.Period.TotalDays); // clean precision-about
            logger.LogInformation("Sweeping {Rule}", rule); // clean logging-objects

            var batch = new List<SweepCandidate>();
            var skipped = 0;
            await foreach (var candidate in source.CandidatesAsync(rule, options.SweepBatchSize, stoppingToken))
            {
                if (held.Contains(candidate.RowKey))
                {
                    skipped++;
                    var hold = active.First(h => h.Custodian == candidate.RowKey);
                    span.SetHcdsrHoldId(hold.HoldId); // clean precision-names
                    span.Activity?.AddEvent(new ActivityEvent("row.held", tags: new ActivityTagsCollection { ["table"] = candidate.Table, ["row"] = candidate.RowKey })); // leak TC1001 direct
                    logger.LogDebug("Skipping {Candidate} under {HoldId}", candidate, hold.HoldId); // leak TC1001 logging-objects
                    logger.LogDebug("Hold placed by {PlacedBy} on {PlacedAt}", hold.PlacedBy, hold.PlacedAt); // leak TC1001 direct
                    Skipped.Add(1, new KeyValuePair<string, object?>("hcdsr.patient.shard", Shard(candidate.RowKey))); // clean hashes
                    continue;
                }
                batch.Add(candidate);
            }

            try
            {
                var deleted = rule.DataCategory == "statistics" ? await source.AnonymiseAsync(batch, stoppingToken) : await source.DeleteAsync(batch, stoppingToken);
                span.SetHcdsrRecordsCount(deleted).SetHcdsrOutcome("swept"); // clean generated-api
                var result = new SweepResult(rule.RuleId, batch.Count + skipped, deleted, 0, skipped, Stopwatch.GetElapsedTime(started));
                logger.LogInformation("Sweep finished: {Result}", result); // clean logging-objects
                logger.LogDebug("First row swept: {RowKey}", batch.FirstOrDefault()?.RowKey); // leak TC1001 cross-member
            }
            catch (SweepTimeoutException ex)
            {
                span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }

            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, rule.RuleId, "pas"); // clean generated-api
        }
    }

    private string Shard(string hospitalNumber)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber));
        return (mac[0] % 16).ToString(CultureInfo.InvariantCulture);
    }
}
