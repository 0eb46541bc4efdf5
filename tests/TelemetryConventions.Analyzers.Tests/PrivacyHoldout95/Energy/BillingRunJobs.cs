namespace PrivacyHoldout95.Energy;

/// <summary>An account's bill for a period, as the rating engine returns it.</summary>
public sealed record RatedBill(string AccountNumber, string Period, string Tariff, decimal Kwh, decimal Amount);

public interface IRatingEngine
{
    Task<IReadOnlyList<string>> AccountsDueAsync(string region, string period, CancellationToken cancellationToken = default);

    Task<RatedBill> RateAsync(string accountNumber, string period, CancellationToken cancellationToken = default);
}

/// <summary>The rating engine found no read for the period; names the account and the meter serial it looked for.</summary>
public sealed class NoReadForPeriodException(string accountNumber, string meterSerial, string period)
    : Exception($"No actual or estimated read for account {accountNumber} (meter {meterSerial}) in {period}");

/// <summary>A rating call timed out; names the region and the timeout.</summary>
public sealed class RatingTimeoutException(string region, TimeSpan timeout) : Exception($"Rating engine did not answer for {region} within {timeout}");

/// <summary>
/// The monthly billing run: one recurring job per region at 03:00 on the second of the month, and a re-bill job an agent
/// can start for one account from the billing dashboard.
/// </summary>
public sealed class BillingRunJobs(
    IRatingEngine rating,
    IOutboxStore outbox,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<JobOptions> options,
    Meter meter,
    ILogger<BillingRunJobs> logger)
{
    private static readonly ActivitySource Source = new("Supply.Billing");
    private readonly MeterjobsJobsCompletedCounter _completed = meter.CreateMeterjobsJobsCompletedCounter();
    private readonly MeterjobsJobDurationHistogram _duration = meter.CreateMeterjobsJobDurationHistogram();

    public static void Register(IRecurringJobManager recurring, ILogger logger, IEnumerable<string> regions)
    {
        foreach (var region in regions)
        {
            var recurringJobId = $"billing-run-{region}";
            recurring.AddOrUpdate<BillingRunJobs>(recurringJobId, job => job.RunRegionAsync(region, null!), "0 3 2 * *", new RecurringJobOptions { Queue = "billing" });
            logger.LogInformation("Registered {RecurringJobId} on {Queue}", recurringJobId, "billing"); // clean precision-names
        }
    }

    public static string StartRebill(IBackgroundJobClient jobs, ILogger logger, string accountNumber, string period)
    {
        var jobId = jobs.Enqueue<BillingRunJobs>(job => job.RebillAsync(accountNumber, period, null!)); // leak TC1001 cross-member
        logger.LogInformation("Re-bill {JobId} queued for {Period}", jobId, period);
        return jobId;
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task RunRegionAsync(string region, PerformContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var period = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var span = Source.StartMeterjobsJobRun("billing-run").SetMeterjobsRegion(region).SetMeterjobsJobId(context.BackgroundJob.Id);
        span.SetMeterjobsJobKey(context.GetJobParameter("RecurringJobId") ?? $"billing-run-{region}"); // clean precision-names
        var accounts = await rating.AccountsDueAsync(region, period, context.CancellationToken);
        span.SetMeterjobsBatchSize(accounts.Count);

        var failed = new List<string>();
        foreach (var account in accounts)
        {
            try
            {
                await RateAndAnnounceAsync(account, period, context.CancellationToken);
            }
            catch (RetryExhaustedException ex)
            {
                failed.Add(account);
                logger.LogError(ex, "Billing gave up after {Attempts} attempts", ex.Attempts); // leak TC1001 exceptions
                span.Activity?.SetTag("meterjobs.failed.last_operation", ex.OperationKey); // leak TC1001 cross-member
            }
        }
        var cohorts = failed.Select(a => Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(a)))[..1]).Distinct();
        span.Activity?.SetTag("meterjobs.failed.shards", string.Join(",", cohorts)); // clean hashes
        span.Activity?.SetTag("meterjobs.failed.accounts", string.Join(",", failed.Select(a => a.GetHashCode().ToString("x8", CultureInfo.InvariantCulture)))); // leak TC1002 hashes
        span.SetMeterjobsOutcome(failed.Count == 0 ? "succeeded" : "partial").SetMeterjobsNote($"{failed.Count} of {accounts.Count} accounts failed"); // clean generated-api
        _completed.Add(1, "billing-run", "billing", failed.Count == 0 ? "succeeded" : "partial");
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "billing-run");
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task RebillAsync(string accountNumber, string period, PerformContext context)
    {
        using var span = Source.StartMeterjobsJobRun("rebill").SetMeterjobsJobId(context.BackgroundJob.Id)
            .SetMeterjobsHouseholdId(pseudonymizer.PseudonymizeMeterjobsHouseholdId(accountNumber));
        span.SetMeterjobsJobKey($"rebill:{accountNumber}:{period}"); // leak TC1001 generated-api
        await RateAndAnnounceAsync(accountNumber, period, context.CancellationToken);
        _completed.Add(1, $"rebill-{accountNumber}", "billing", "succeeded"); // leak TC1003 generated-api
    }

    private async Task RateAndAnnounceAsync(string accountNumber, string period, CancellationToken cancellationToken)
    {
        var operationKey = $"bill:{accountNumber}:{period}";
        Exception? last = null;
        for (var attempt = 1; attempt <= options.Value.MaxAttempts; attempt++)
        {
            try
            {
                var bill = await rating.RateAsync(accountNumber, period, cancellationToken);
                var content = JsonSerializer.Serialize(bill);
                await outbox.AddAsync(new OutboxMessage(Guid.NewGuid(), "BillReady", "billing.statements", content, DateTimeOffset.UtcNow) { PartitionKey = accountNumber }, cancellationToken);
                logger.LogDebug("Rated {Bill}", bill); // leak TC1001 logging-objects
                logger.LogDebug("Rated {Tariff} bill of {Kwh} kWh for {Period}, {Length} bytes", bill.Tariff, bill.Kwh, bill.Period, content.Length); // clean precision-about
                return;
            }
            catch (RatingTimeoutException ex)
            {
                last = ex;
                var delay = Backoff.Exponential(attempt, options.Value.BaseDelay, options.Value.MaxDelay);
                logger.LogWarning(ex, "Rating attempt {Attempt} timed out, waiting {Delay}", attempt, delay);
                Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["meterjobs.job.attempt"] = attempt, ["meterjobs.retry.delay_ms"] = delay.TotalMilliseconds })); // clean precision-about
                await Task.Delay(delay, cancellationToken);
            }
            catch (NoReadForPeriodException ex)
            {
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                throw;
            }
        }
        throw new RetryExhaustedException(operationKey, options.Value.MaxAttempts, last!);
    }
}
