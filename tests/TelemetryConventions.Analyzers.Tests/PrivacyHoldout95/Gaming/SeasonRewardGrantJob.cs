namespace PrivacyHoldout95.Gaming;

/// <summary>A player's final standing in a season's ranked ladder.</summary>
public sealed record SeasonStanding(Guid PlayerId, string Gamertag, string Platform, string Tier, int Rank);

/// <summary>A reward to grant, queued per player.</summary>
public sealed record RewardGrant(Guid PlayerId, string Season, string RewardSku, string Tier);

public interface ILadderSnapshot
{
    IAsyncEnumerable<SeasonStanding> FinalStandingsAsync(string season, CancellationToken cancellationToken = default);
}

public interface IInventoryService
{
    Task GrantAsync(RewardGrant grant, string idempotencyKey, CancellationToken cancellationToken = default);
}

/// <summary>The inventory service's conflict: the grant exists already. Names the idempotency key it was given.</summary>
public sealed class GrantConflictException(string idempotencyKey) : Exception($"Grant '{idempotencyKey}' already applied");

/// <summary>The inventory service is shedding load; fixed text with the retry hint.</summary>
public sealed class InventoryBusyException(TimeSpan retryAfter) : Exception($"Inventory service busy, retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// When a season closes, reads the final ladder and grants each player the reward of their tier, through a bounded
/// channel and four grant workers, so that a slow inventory service does not hold the ladder read open.
/// </summary>
public sealed class SeasonRewardGrantJob(ILadderSnapshot ladder, IInventoryService inventory, Pseudonymizer pseudonymizer, Meter meter, ILogger<SeasonRewardGrantJob> logger)
{
    private static readonly ActivitySource Source = new("Studio.LiveOps.Jobs");
    private readonly LivejobsJobsCompletedCounter _completed = meter.CreateLivejobsJobsCompletedCounter();
    private readonly Counter<long> _granted = meter.CreateCounter<long>("livejobs.rewards.granted", "{reward}");
    private Guid? _lastGranted;

    public async Task RunAsync(string season, CancellationToken cancellationToken)
    {
        using var span = Source.StartLivejobsJobRun("season-rewards").SetLivejobsSeason(season);
        var channel = Channel.CreateBounded<RewardGrant>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.Wait });
        var workers = Enumerable.Range(0, 4).Select(i => GrantWorkerAsync(i, channel.Reader, cancellationToken)).ToArray();

        var read = 0;
        await foreach (var standing in ladder.FinalStandingsAsync(season, cancellationToken))
        {
            read++;
            if (standing.Rank <= 3)
            {
                logger.LogInformation("Season {Season} podium: {Rank}. {Gamertag}", season, standing.Rank, standing.Gamertag); // leak TC1001 direct
            }
            await channel.Writer.WriteAsync(new RewardGrant(standing.PlayerId, season, $"reward-{season}-{standing.Tier}".ToLowerInvariant(), standing.Tier), cancellationToken);
        }
        channel.Writer.Complete();
        await Task.WhenAll(workers);
        span.SetLivejobsBatchSize(read).SetLivejobsOutcome("succeeded");
        logger.LogInformation("Season {Season} rewards done; last grant went to {Player}", season, _lastGranted); // leak TC1001 cross-member
        _completed.Add(1, "season-rewards", "live-ops", "succeeded");
    }

    private async Task GrantWorkerAsync(int worker, ChannelReader<RewardGrant> reader, CancellationToken cancellationToken)
    {
        await foreach (var grant in reader.ReadAllAsync(cancellationToken))
        {
            var idempotencyKey = $"grant:{grant.Season}:{grant.PlayerId:N}";
            using var span = Source.StartLivejobsJobRun("reward-grant").SetLivejobsJobQueue($"grant-worker-{worker}")
                .SetLivejobsPlayerId(pseudonymizer.PseudonymizeLivejobsPlayerId(grant.PlayerId.ToString()));
            span.Activity?.SetTag("livejobs.reward.sku", grant.RewardSku); // clean precision-names
            span.Activity?.SetTag("livejobs.idempotency_key", idempotencyKey); // leak TC1001 strings
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    logger.LogDebug("Granting {Grant}", grant); // leak TC1001 logging-objects
                    await inventory.GrantAsync(grant, idempotencyKey, cancellationToken);
                    _lastGranted = grant.PlayerId;
                    _granted.Add(1, new KeyValuePair<string, object?>("livejobs.tier", grant.Tier));
                    break;
                }
                catch (GrantConflictException ex)
                {
                    logger.LogDebug(ex, "Grant already applied on attempt {Attempt}", attempt); // leak TC1001 exceptions
                    span.SetLivejobsOutcome("duplicate").SetLivejobsJobAttempt(attempt); // clean precision-about
                    break;
                }
                catch (InventoryBusyException ex) when (attempt < 5)
                {
                    span.Activity?.AddEvent(new ActivityEvent("livejobs.retry", tags: new ActivityTagsCollection { ["livejobs.job.attempt"] = attempt, ["exception.message"] = ex.Message })); // clean exceptions
                    await Task.Delay(ex.RetryAfter, cancellationToken);
                }
                catch (InventoryBusyException)
                {
                    span.SetLivejobsJobKey(idempotencyKey); // leak TC1001 generated-api
                    logger.LogLivejobsJobDeadLetteredEvent("reward-grant", "gave_up", attempt, pseudonymizer.PseudonymizeLivejobsPlayerId(grant.PlayerId.ToString()), $"grant of {grant.RewardSku} gave up after {attempt} attempts"); // clean generated-api
                    break;
                }
            }
        }
    }
}
