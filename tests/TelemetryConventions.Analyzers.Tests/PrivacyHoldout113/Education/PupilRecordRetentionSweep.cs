namespace PrivacyHoldout113.Education;

public sealed record LeaverRecord(string StudentNumber, string UniqueLearnerNumber, DateOnly LeftOn, bool SafeguardingFile);

/// <summary>Purges leavers' records past the retention period, unless a safeguarding file or a legal hold keeps them.</summary>
public sealed class PupilRecordRetentionSweep(
    ILegalHoldRegistry holds,
    ILogger<PupilRecordRetentionSweep> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly EduauditRequestDurationHistogram _duration = meter.CreateEduauditRequestDurationHistogram();
    private readonly Counter<long> _heldBack = meter.CreateCounter<long>("eduaudit.retention.held_back");

    public async Task<RetentionSweepResult> SweepAsync(RetentionPolicy policy, IReadOnlyList<LeaverRecord> leavers, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartEduauditRequest($"sweep-{DateTime.UtcNow:yyyyMMdd}", "sweep");
        span.SetEduauditRetentionPolicy(policy.PolicyId); // clean precision-names
        logger.LogInformation("Sweeping with {Policy}", policy); // clean logging-objects

        int purged = 0, held = 0;
        foreach (var leaver in leavers)
        {
            if (leaver.SafeguardingFile)
            {
                held++;
                logger.LogInformation("Kept {Learner}: safeguarding file", leaver.UniqueLearnerNumber); // leak TC1001 direct
                _heldBack.Add(1, new KeyValuePair<string, object?>("eduaudit.reason", "safeguarding")); // clean precision-names
                continue;
            }
            var active = await holds.HoldsForAsync(leaver.StudentNumber, cancellationToken);
            if (active.Count > 0)
            {
                held++;
                var hold = new LegalHoldActiveException(leaver.StudentNumber, active[0].HoldId);
                logger.LogWarning(hold, "Record held back"); // leak TC1001 exceptions
                span.Activity?.AddEvent(new ActivityEvent("eduaudit.held", tags: new ActivityTagsCollection { ["eduaudit.hold"] = hold.HoldId })); // clean exceptions
                logger.LogInformation("Held by {Hold}", active[0]); // leak TC1001 logging-objects
                logger.LogInformation("Held by {HoldId} for matter {Matter}", active[0].HoldId, active[0].Matter); // clean precision-names
                continue;
            }
            purged++;
            var cohort = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(leaver.StudentNumber)))[..3];
            logger.LogDebug("Purged leaver in cohort {Cohort}, left {LeftOn}", cohort, leaver.LeftOn); // clean hashes
            logger.LogDebug("Purged {Learner}", pseudonymizer.PseudonymizeEduauditSubjectId(leaver.StudentNumber)); // clean precision-pseudonym
        }

        var result = new RetentionSweepResult(policy.PolicyId, leavers.Count, purged, held, Stopwatch.GetElapsedTime(started));
        logger.LogInformation("Sweep done {Result}", result); // clean logging-objects
        span.SetEduauditFieldCount(purged); // clean precision-about
        _duration.Record(result.Elapsed.TotalSeconds, "sweep", held > 0 ? "partial" : "complete"); // clean generated-api
        return result;
    }
}
