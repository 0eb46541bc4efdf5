namespace PrivacyHoldout95.Retail;

/// <summary>Points that expire at the end of the month on a loyalty card.</summary>
public sealed record ExpiringPoints(string LoyaltyCardNumber, string CustomerNumber, int Points, DateOnly ExpiresOn);

public interface ILoyaltyLedger
{
    Task<IReadOnlyList<ExpiringPoints>> ExpiringAsync(string storeCode, DateOnly asOf, CancellationToken cancellationToken = default);

    Task ExpireAsync(string loyaltyCardNumber, int points, CancellationToken cancellationToken = default);
}

/// <summary>The ledger refused an expiry because the card is frozen; quotes the card number.</summary>
public sealed class CardFrozenException(string loyaltyCardNumber) : Exception($"Loyalty card {loyaltyCardNumber} is frozen")
{
    public string LoyaltyCardNumber { get; } = loyaltyCardNumber;
}

/// <summary>Month-end points expiry, one recurring job per store (the ledger is partitioned by home store).</summary>
public sealed class LoyaltyExpiryJobs(ILoyaltyLedger ledger, IMonitoringApi monitoring, Pseudonymizer pseudonymizer, Meter meter, ILogger<LoyaltyExpiryJobs> logger)
{
    private static readonly ActivitySource Source = new("Shop.Loyalty.Jobs");
    private readonly Counter<long> _expired = meter.CreateCounter<long>("shopjobs.points.expired", "{point}");
    private readonly ShopjobsJobDurationHistogram _duration = meter.CreateShopjobsJobDurationHistogram();

    public static void Register(IRecurringJobManager recurring, IEnumerable<string> storeCodes)
    {
        foreach (var store in storeCodes)
        {
            recurring.AddOrUpdate<LoyaltyExpiryJobs>($"loyalty-expiry-{store}", job => job.ExpireAsync(store, null!), "30 1 L * *");
        }
    }

    [Queue("loyalty")]
    public async Task ExpireAsync(string storeCode, PerformContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartShopjobsJobRun("loyalty-expiry").SetShopjobsStore(storeCode).SetShopjobsJobId(context.BackgroundJob.Id);
        span.SetShopjobsJobKey(context.GetJobParameter("RecurringJobId") ?? "loyalty-expiry"); // clean precision-names
        var details = monitoring.JobDetails(context.BackgroundJob.Id);
        logger.LogDebug("Expiry job arguments {Arguments}, properties {Properties}", details?.Arguments, details?.Properties); // clean logging-objects

        var expiring = await ledger.ExpiringAsync(storeCode, DateOnly.FromDateTime(DateTime.UtcNow), context.CancellationToken);
        span.SetShopjobsBatchSize(expiring.Count); // clean precision-about
        var frozen = new List<string>();
        foreach (var entry in expiring)
        {
            try
            {
                await ledger.ExpireAsync(entry.LoyaltyCardNumber, entry.Points, context.CancellationToken);
                _expired.Add(entry.Points, new KeyValuePair<string, object?>("shopjobs.store", storeCode)); // clean precision-names
            }
            catch (CardFrozenException ex)
            {
                frozen.Add(ex.LoyaltyCardNumber);
                span.SetShopjobsJobKey($"expiry:{storeCode}:{ex.LoyaltyCardNumber}"); // leak TC1001 generated-api
                logger.LogInformation("Skipped frozen card ending {Last4}", ex.LoyaltyCardNumber[^4..]); // clean precision-about
                span.Activity?.AddEvent(new ActivityEvent("shopjobs.card.frozen", tags: new ActivityTagsCollection { ["shopjobs.customer.id"] = pseudonymizer.ComputeShopjobsCustomerId(entry.CustomerNumber) })); // clean precision-pseudonym
            }
        }
        if (frozen.Count > 0)
        {
            logger.LogWarning("Frozen cards skipped in {Store}: {Cards}", storeCode, frozen); // leak TC1001 logging-objects
            span.Activity?.SetTag("shopjobs.frozen.cards", Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(";", frozen)))); // leak TC1001 hashes
        }
        logger.LogInformation("Expired {Points} points on {Cards} cards in {Store}", expiring.Sum(e => e.Points), expiring.Count - frozen.Count, storeCode); // clean precision-about
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "loyalty-expiry", "succeeded"); // clean generated-api
    }
}

/// <summary>
/// A state-election filter on the shop's job server (basket reminders, loyalty expiry, price updates): logs failures and
/// sends retries of the marketing queue to the slow queue.
/// </summary>
public sealed class ShopJobFailureFilter(ILogger<ShopJobFailureFilter> logger, Meter meter) : IElectStateFilter
{
    private readonly ShopjobsJobsCompletedCounter _completed = meter.CreateShopjobsJobsCompletedCounter();

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed)
        {
            return;
        }
        var job = context.BackgroundJob;
        logger.LogWarning("{Job} ({JobId}) failed on {Server}, retry attempt {RetryAttempt}", job.Job, job.Id, failed.ServerId, context.RetryAttempt); // clean logging-objects
        logger.LogWarning(failed.Exception, "Job {JobId} failure", job.Id); // leak TC1001 exceptions
        Activity.Current?.SetTag("exception.type", failed.Exception.GetType().FullName); // clean exceptions
        Activity.Current?.SetTag("shopjobs.job.call", $"{job.Job}({string.Join(", ", job.Job.Args)})"); // clean strings
        _completed.Add(1, job.Job.Method, job.Job.Queue, "failed"); // clean generated-api
        if (job.Job.Queue == "marketing" && context.RetryAttempt >= 2)
        {
            context.CandidateState = new ScheduledState(TimeSpan.FromHours(1)) { Reason = "moved to slow retry" };
            logger.LogInformation("Job {JobId} moved to slow retry", job.Id);
        }
    }
}
