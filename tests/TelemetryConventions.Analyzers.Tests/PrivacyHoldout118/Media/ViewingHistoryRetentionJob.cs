namespace PrivacyHoldout118.Media;

/// <summary>
/// Viewing history older than two years is folded into title-by-territory aggregates and the rows are
/// deleted. Rows are keyed by profile and title; the job logs what it folds.
/// </summary>
public sealed class ViewingHistoryRetentionJob(
    ISweepSource source,
    TelemetrySecrets secrets,
    ILogger<ViewingHistoryRetentionJob> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Privacy.Retention");
    private static readonly Meter Meter = new("Streaming.Privacy.Retention");
    private static readonly MddsrSweepDurationHistogram Duration = Meter.CreateMddsrSweepDurationHistogram();
    private static readonly Counter<long> Folded = Meter.CreateCounter<long>("mddsr.history.folded");

    public async Task RunAsync(RetentionRule rule, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartMddsrSweep(rule.RuleId);
        var batch = new List<SweepCandidate>();
        await foreach (var candidate in source.CandidatesAsync(rule, 1000, ct))
        {
            batch.Add(candidate);
        }

        // Row keys are "{profileId}:{titleId}:{watchedAt:yyyyMMddHHmm}".
        var titles = batch.Select(c => c.RowKey.Split(':')[1]).Distinct().ToList();
        var profiles = batch.Select(c => c.RowKey.Split(':')[0]).Distinct().ToList();
        span.Activity?.SetTag("mddsr.titles.count", titles.Count); // clean precision-about
        span.Activity?.SetTag("mddsr.profiles.count", profiles.Count); // clean precision-about
        logger.LogInformation("Folding titles {Titles}", string.Join(",", titles.Take(20))); // clean precision-names
        logger.LogDebug("Folding profiles {Profiles}", string.Join(",", profiles.Take(20))); // leak TC1001 strings
        logger.LogDebug("Oldest row {RowKey}", batch.MinBy(c => c.Anchor)?.RowKey); // leak TC1001 cross-member
        logger.LogDebug("Partition of first profile {Partition}", PartitionOf(profiles[0])); // clean hashes
        logger.LogDebug("Dedupe key {Key}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(profiles[0])))); // leak TC1002 hashes

        var deleted = await source.DeleteAsync(batch, ct);
        Folded.Add(deleted, new KeyValuePair<string, object?>("rule", rule.RuleId)); // clean precision-names
        span.SetMddsrRecordsCount(deleted).SetMddsrSystem("viewing-history"); // clean generated-api
        logger.LogInformation("Rule {RuleId} ({Category}, {Days} days) deleted {Deleted} rows", rule.RuleId, rule.DataCategory, rule.Period.TotalDays, deleted); // clean precision-about
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, rule.RuleId); // clean generated-api
    }

    private int PartitionOf(string profileId) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(profileId))[0] % 32;
}
