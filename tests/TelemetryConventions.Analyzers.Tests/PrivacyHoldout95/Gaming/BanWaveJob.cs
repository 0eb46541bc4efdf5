namespace PrivacyHoldout95.Gaming;

/// <summary>An account anti-cheat flagged for the next wave.</summary>
public sealed record FlaggedAccount(Guid PlayerId, string Gamertag, string Platform, string Detection, double Confidence);

/// <summary>A ban wave as trust and safety approve it: the accounts, who approved it (a moderator's email) and when it runs.</summary>
public sealed record BanWave(Guid Id, string ApprovedBy, DateTimeOffset ExecuteAt, IReadOnlyList<FlaggedAccount> Accounts);

public interface IBanWaveStore
{
    Task<BanWave?> GetAsync(Guid waveId, CancellationToken cancellationToken = default);
}

public interface IEnforcementService
{
    Task BanAsync(Guid playerId, string detection, CancellationToken cancellationToken = default);
}

/// <summary>The enforcement service's error: a code and its fixed text.</summary>
public sealed class EnforcementException(string code) : Exception($"Enforcement call failed ({code})")
{
    public string Code { get; } = code;
}

/// <summary>Schedules an approved wave for its time (waves go out together so cheat makers learn less from each ban).</summary>
public sealed class BanWaveScheduler(IBackgroundJobClient jobs, ILogger<BanWaveScheduler> logger)
{
    public string Schedule(BanWave wave)
    {
        var jobId = jobs.Schedule<BanWaveJob>(job => job.ExecuteAsync(wave.Id, null!), wave.ExecuteAt - DateTimeOffset.UtcNow); // clean cross-member
        logger.LogInformation("Ban wave {WaveId} approved by {Moderator}, scheduled as {JobId} for {ExecuteAt}", wave.Id, wave.ApprovedBy, jobId, wave.ExecuteAt); // leak TC1001 direct
        return jobId;
    }
}

/// <summary>Runs a scheduled wave.</summary>
public sealed class BanWaveJob(IBanWaveStore waves, IEnforcementService enforcement, IMonitoringApi monitoring, Meter meter, ILogger<BanWaveJob> logger)
{
    private static readonly ActivitySource Source = new("Studio.Enforcement.Jobs");
    private readonly Counter<long> _banned = meter.CreateCounter<long>("livejobs.bans.applied", "{ban}");

    [AutomaticRetry(Attempts = 2)]
    [Queue("enforcement")]
    public async Task ExecuteAsync(Guid waveId, PerformContext context)
    {
        using var span = Source.StartLivejobsJobRun("ban-wave").SetLivejobsJobId(context.BackgroundJob.Id).SetLivejobsJobKey(waveId.ToString());
        var details = monitoring.JobDetails(context.BackgroundJob.Id);
        logger.LogDebug("Wave job arguments {Arguments}", details?.Arguments); // clean strings
        var wave = await waves.GetAsync(waveId, context.CancellationToken);
        if (wave is null)
        {
            span.SetLivejobsOutcome("wave_missing");
            return;
        }
        span.SetLivejobsBatchSize(wave.Accounts.Count);
        span.Activity?.SetTag("livejobs.wave.min_confidence", wave.Accounts.Min(a => a.Confidence)); // clean precision-about
        logger.LogInformation("Wave by platform {ByPlatform}", wave.Accounts.GroupBy(a => a.Platform).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        logger.LogInformation("Wave detections {Detections}", wave.Accounts.ToDictionary(a => a.Gamertag, a => a.Detection)); // leak TC1001 logging-objects

        foreach (var account in wave.Accounts)
        {
            try
            {
                await enforcement.BanAsync(account.PlayerId, account.Detection, context.CancellationToken);
                span.Activity?.AddEvent(new ActivityEvent("livejobs.ban.applied", tags: new ActivityTagsCollection { ["livejobs.detection"] = account.Detection, ["livejobs.player"] = account.PlayerId })); // leak TC1001 direct
                _banned.Add(1, new KeyValuePair<string, object?>("livejobs.detection", account.Detection), new("livejobs.platform", account.Platform)); // clean precision-names
            }
            catch (EnforcementException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "Ban of {@Account} failed with {Code}", account, ex.Code); // leak TC1001 logging-objects
            }
        }
        span.SetLivejobsOutcome("applied").SetLivejobsNote($"wave {waveId} applied to {wave.Accounts.Count} accounts"); // clean generated-api
    }
}
