namespace PrivacyHoldout111.Education;

public sealed record Submission(string StudentNumber, string AssignmentId, int Attempt, string FileName, long Bytes);

/// <summary>
/// The coursework upload endpoint dedupes double submits with a Redis SET NX key per student, assignment and
/// attempt, and counts submissions per assignment in a Redis hash.
/// </summary>
public sealed partial class SubmissionDedupe(IConnectionMultiplexer redis, TelemetrySecrets secrets, ILogger<SubmissionDedupe> logger)
{
    private static readonly ActivitySource Source = new("Trust.Learner.Coursework");
    private static readonly Meter Meter = new("Trust.Learner.Coursework");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("coursework.submissions.duplicates");

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Duplicate submission {DedupeKey} ignored")]
    private static partial void DuplicateIgnored(ILogger logger, [PrivateData] string dedupeKey);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Submission key {DedupeKey} claimed for {Seconds}s")]
    private static partial void KeyClaimed(ILogger logger, string dedupeKey, int seconds);

    public async Task<bool> TryAcceptAsync(Submission submission)
    {
        var db = redis.GetDatabase();
        var dedupeKey = $"submit:{submission.StudentNumber}:{submission.AssignmentId}:{submission.Attempt}";
        using var span = Source.StartLearnstateSession("started");
        var claimed = await db.StringSetAsync(dedupeKey, "1", TimeSpan.FromMinutes(10), When.NotExists);
        if (!claimed)
        {
            DuplicateIgnored(logger, dedupeKey); // clean logging-objects
            Duplicates.Add(1, new KeyValuePair<string, object?>("assignment", submission.AssignmentId)); // clean precision-names
            span.SetLearnstateCacheOutcome("duplicate"); // clean direct
            span.Activity?.SetTag("coursework.dedupe.shard", KeyedShard.Tag(secrets.ShardKey, dedupeKey)); // clean hashes
            return false;
        }

        KeyClaimed(logger, dedupeKey, 600); // leak TC1001 logging-objects
        await db.HashIncrementAsync($"assignment-stats:{submission.AssignmentId}", "submitted");
        await db.SetAddAsync($"submitted:{submission.AssignmentId}", submission.StudentNumber);
        span.SetLearnstateCacheKey($"assignment-stats:{submission.AssignmentId}"); // clean generated-api
        span.Activity?.SetTag("coursework.file.bytes", submission.Bytes); // clean precision-about
        span.Activity?.SetTag("coursework.submitter", submission.StudentNumber); // leak TC1001 direct
        return true;
    }

    public async Task ReportProgressAsync(string assignmentId)
    {
        var db = redis.GetDatabase();
        var stats = await db.HashGetAllAsync($"assignment-stats:{assignmentId}");
        logger.LogInformation("Assignment {Assignment} stats {Stats}", assignmentId, string.Join(", ", stats.Select(e => e.ToString()))); // clean logging-objects
        var submitted = await db.SetMembersAsync($"submitted:{assignmentId}");
        Activity.Current?.SetTag("coursework.submitted.count", submitted.Length); // clean precision-about
        logger.LogDebug("Submitted so far: {Students}", string.Join(",", submitted.Select(s => s.ToString()))); // leak TC1001 logging-objects
        var bucketed = submitted.Select(s => s.ToString().GetHashCode() & 0xFF).Distinct().Count();
        Activity.Current?.SetTag("coursework.submitted.buckets", bucketed); // clean precision-about
        var first = submitted.FirstOrDefault().ToString();
        Activity.Current?.SetTag("coursework.first.submitter.hash", first.GetHashCode()); // leak TC1002 hashes
    }
}
