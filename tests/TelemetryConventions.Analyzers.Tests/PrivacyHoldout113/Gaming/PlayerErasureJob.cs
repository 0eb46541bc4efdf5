namespace PrivacyHoldout113.Gaming;

/// <summary>Erases a player across the studio's systems (profile, leaderboards, chat, matchmaking history) and keeps a tombstone.</summary>
public sealed class PlayerErasureJob(
    IEnumerable<IErasureTarget> targets,
    ILogger<PlayerErasureJob> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly GmauditRequestDurationHistogram _duration = meter.CreateGmauditRequestDurationHistogram();
    private readonly Counter<long> _steps = meter.CreateCounter<long>("gmaudit.erasure.steps");

    public async Task RunAsync(ErasureJob job, string contactEmail, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartGmauditRequest(job.JobId.ToString(), "erasure");
        span.SetGmauditSubjectId(pseudonymizer.PseudonymizeGmauditSubjectId(job.SubjectKey)); // clean precision-pseudonym
        span.Activity?.SetTag("gmaudit.request", job.RequestId); // clean precision-names
        span.Activity?.SetTag("gmaudit.systems", string.Join(",", job.Systems)); // clean strings
        logger.LogInformation("Erasure job {Job} started", job); // leak TC1001 logging-objects
        logger.LogInformation("Erasure job {JobId} started for {Systems} systems", job.JobId, job.Systems.Count); // clean precision-about
        using var scope = logger.BeginScope("Erasure {JobId} for {Contact}", job.JobId, contactEmail); // leak TC1001 direct

        var results = new List<ErasureStepResult>();
        foreach (var target in targets.Where(t => job.Systems.Contains(t.Name)))
        {
            try
            {
                var result = await target.EraseAsync(job.SubjectKey, cancellationToken);
                results.Add(result);
                logger.LogInformation("Step {Result}", result); // clean logging-objects
                _steps.Add(1, new KeyValuePair<string, object?>("gmaudit.system", target.Name), new KeyValuePair<string, object?>("gmaudit.skipped", result.Skipped)); // clean precision-names
            }
            catch (SubjectNotFoundException ex)
            {
                logger.LogInformation("Nothing to erase in {System}", ex.System); // clean exceptions
                span.Activity?.AddEvent(new ActivityEvent("gmaudit.erasure.not_found", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            }
            catch (ErasureTimeoutException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogGmauditComplianceFailedEvent("erasure", "timeout", pseudonymizer.PseudonymizeGmauditSubjectId(job.SubjectKey), ex.Message); // clean generated-api
            }
        }

        var tombstone = pseudonymizer.ComputeGmauditSubjectId(job.SubjectKey);
        logger.LogInformation("Tombstone {Tombstone} kept for job {JobId}", tombstone, job.JobId); // clean precision-pseudonym
        _steps.Add(1, new KeyValuePair<string, object?>("gmaudit.tombstone", tombstone)); // leak TC1003 precision-pseudonym
        var suppression = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(contactEmail.ToLowerInvariant())));
        logger.LogDebug("Email added to suppression list as {Hash}", suppression); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(contactEmail.ToLowerInvariant())))[..12];
        logger.LogDebug("Suppression entry {Entry}", keyed); // clean hashes
        span.SetGmauditFieldCount(results.Sum(r => r.RowsAffected)); // clean precision-about
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "erasure", results.Any(r => r.Skipped) ? "partial" : "erased"); // clean generated-api
    }
}
