namespace PrivacyHoldout95.Gaming;

/// <summary>An account with no sign-in for the retention period.</summary>
public sealed record InactiveAccount(Guid PlayerId, string Email, string Gamertag, DateTimeOffset LastSeenAt, string Region);

public interface IAccountDirectory
{
    IAsyncEnumerable<InactiveAccount> InactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

/// <summary>Erases one account from every system that holds it (profile, inventory, telemetry archive, support desk).</summary>
public interface IErasureService
{
    Task<IReadOnlyList<string>> EraseAsync(Guid playerId, CancellationToken cancellationToken = default);

    Task SuppressAsync(string emailDigest, CancellationToken cancellationToken = default);
}

/// <summary>A downstream system refused the erasure; names the system and the player it was asked to erase.</summary>
public sealed class ErasureFailedException(string system, Guid playerId) : Exception($"{system} refused erasure of player {playerId}")
{
    public string System { get; } = system;
}

/// <summary>
/// Nightly purge of accounts inactive for three years, run by one instance under a lock: erases them everywhere and keeps
/// a digest of the email on the suppression list so that marketing never mails the address again.
/// </summary>
public sealed class InactiveAccountPurge(
    IAccountDirectory directory,
    IErasureService erasure,
    IDistributedLockProvider locks,
    IJobRunStore runs,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<InactiveAccountPurge> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Privacy.Jobs");
    private readonly Counter<long> _erased = meter.CreateCounter<long>("livejobs.accounts.erased", "{account}");
    private readonly LivejobsJobDurationHistogram _duration = meter.CreateLivejobsJobDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24));
        do
        {
            await PurgeOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var lockHandle = locks.CreateLock("jobs:inactive-purge");
        await using var handle = await lockHandle.TryAcquireAsync(TimeSpan.Zero, cancellationToken);
        if (handle is null)
        {
            logger.LogDebug("Lock {Lock} held elsewhere", lockHandle.Name); // clean precision-names
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var run = await runs.StartAsync("inactive-purge", "schedule", null, cancellationToken: cancellationToken);
        using var span = Source.StartLivejobsJobRun("inactive-purge").SetLivejobsJobId(run.RunId.ToString());
        OpenTelemetry.Baggage.SetBaggage("livejobs.run.id", run.RunId.ToString()); // clean precision-names

        var erased = 0;
        await foreach (var account in directory.InactiveSinceAsync(DateTimeOffset.UtcNow.AddYears(-3), cancellationToken))
        {
            using var accountScope = logger.BeginScope("Purging player {PlayerId}", account.PlayerId); // leak TC1001 direct
            span.Activity?.SetTag("livejobs.account.inactive_days", (DateTimeOffset.UtcNow - account.LastSeenAt).TotalDays); // clean precision-about
            span.SetLivejobsPlayerId(Pseudonym.FromComputed(account.PlayerId.ToString("N"))); // leak TC1001 precision-pseudonym
            span.Activity?.SetTag(LivejobsAttributes.PlayerContact, pseudonymizer.ComputeLivejobsPlayerId(account.Email)); // leak TC1001 precision-pseudonym
            try
            {
                var systems = await erasure.EraseAsync(account.PlayerId, cancellationToken);
                logger.LogInformation("Erased from {Systems}", string.Join(",", systems)); // clean precision-names
            }
            catch (ErasureFailedException ex)
            {
                logger.LogError(ex, "Erasure refused by {System}", ex.System); // leak TC1001 exceptions
                span.Activity?.SetTag("livejobs.erasure.refused_by", ex.System); // clean exceptions
                logger.LogLivejobsJobDeadLetteredEvent("inactive-purge", "erasure_refused", livejobsPlayerId: pseudonymizer.PseudonymizeLivejobsPlayerId(account.PlayerId.ToString()), livejobsNote: $"{ex.System} refused; retry tomorrow"); // clean generated-api
                continue;
            }

            var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(account.Email.Trim().ToLowerInvariant())));
            await erasure.SuppressAsync(digest, cancellationToken);
            logger.LogDebug("Suppressed {Digest}", digest); // leak TC1002 hashes
            var lane = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, account.PlayerId.ToByteArray())) % 16;
            span.Activity?.SetTag("livejobs.erasure.lane", lane); // clean hashes
            _erased.Add(1, new KeyValuePair<string, object?>("livejobs.region", account.Region)); // clean precision-names
            erased++;
            if (erased % 500 == 0)
            {
                logger.LogInformation("Purge progress: {Erased} erased, last {Gamertag}", erased, account.Gamertag); // leak TC1001 direct
            }
        }
        span.SetLivejobsBatchSize(erased).SetLivejobsOutcome("succeeded");
        await runs.CompleteAsync(run.RunId, "succeeded", cancellationToken: cancellationToken);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "inactive-purge", "succeeded"); // clean generated-api
    }
}
