namespace PrivacyHoldout75.Energy;

public sealed record BillingAccount(
    string AccountNumber,
    string Mpan,
    string TariffCode,
    decimal UnitRate,
    decimal StandingCharge,
    string? HolderEmail);

public interface IBillingApi
{
    IAsyncEnumerable<BillingAccount> AccountsAfterAsync(string? accountNumber, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a tariff to an account. Throws <see cref="MigrationConflictException"/> (batch id and
    /// tariff versions) when the account's tariff moved on since the batch started, and
    /// <see cref="IdempotencyConflictException"/> (the key) when the key was used with another body.
    /// </summary>
    Task ApplyTariffAsync(string batchId, BillingAccount account, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>
/// Backfills the October unit rates into every account, in keyset pages of 250 ordered by account
/// number, with a checkpoint per batch; the billing API de-duplicates by idempotency key. The
/// runbook's rollback restores the previous rates batch by batch.
/// </summary>
public sealed partial class TariffBackfillJob(
    IBillingApi billing,
    ICheckpointStore checkpoints,
    IFeatureFlags flags,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TariffBackfillJob> logger)
{
    private const string Job = "tariff-backfill-oct";

    public async Task RunAsync(string runId, string period, IReadOnlyDictionary<string, decimal> newRates, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.LoadAsync(Job, cancellationToken);
        LogResume(logger, Job, checkpoint?.BatchId, checkpoint?.LastKey); // leak TC1001 direct
        var after = checkpoint?.LastKey;
        var number = 0;

        while (true)
        {
            var page = new List<BillingAccount>();
            await foreach (var account in billing.AccountsAfterAsync(after, 250, cancellationToken))
            {
                page.Add(account);
            }
            if (page.Count == 0)
            {
                break;
            }

            var batchId = $"{period}-{++number:D4}";
            using var span = source.StartMeterreconRun(runId);
            span.SetMeterreconBatchId(batchId).SetMeterreconRecords(page.Count);
            var stopwatch = Stopwatch.StartNew();
            var conflicts = 0;

            foreach (var account in page)
            {
                var updated = account with { UnitRate = newRates[account.TariffCode] };
                logger.LogDebug("Account {Account}: {Changes}", pseudonymizer.ComputeMeterreconAccountId(account.AccountNumber), RecordDiff.Changes(account, updated)); // clean logging-objects
                try
                {
                    await billing.ApplyTariffAsync(batchId, updated, $"{account.AccountNumber}:{period}", cancellationToken);
                }
                catch (MigrationConflictException ex)
                {
                    conflicts++;
                    logger.LogWarning(ex, "Batch {BatchId} met a newer tariff version", batchId); // clean exceptions
                    span.RecordException(ex, includeMessage: true); // clean exceptions
                }
                catch (IdempotencyConflictException ex)
                {
                    logger.LogError(ex, "Replay with a different body in batch {BatchId}", batchId); // leak TC1001 exceptions
                    span.SetStatus(ActivityStatusCode.Error, "idempotency conflict"); // clean exceptions
                }
            }

            after = page[^1].AccountNumber;
            await checkpoints.SaveAsync(new Checkpoint(Job, batchId, after, number * 250L, DateTimeOffset.UtcNow), cancellationToken);
            span.SetMeterreconMismatches(conflicts).SetMeterreconOutcome(conflicts == 0 ? "backfilled" : "conflicts");
            meter.CreateMeterreconBatchDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, conflicts == 0 ? "backfilled" : "conflicts"); // clean generated-api
            meter.CreateMeterreconRecordsCounter().Add(page.Count, "backfilled", meterreconRule: period); // clean generated-api
            LogBatch(logger, batchId, page.Count, after); // leak TC1001 direct
        }
    }

    public async Task CompareBillAsync(BillingAccount account, Func<BillingAccount, Task<decimal>> legacyEngine, Func<BillingAccount, Task<decimal>> nextEngine)
    {
        if (!flags.IsEnabled("billing-engine-v2-shadow"))
        {
            return;
        }
        var legacyBill = await legacyEngine(account);
        var nextBill = await nextEngine(account);
        if (legacyBill != nextBill)
        {
            logger.LogWarning("Bill differs on tariff {Tariff}: legacy {Legacy}, v2 {Next}", account.TariffCode, legacyBill, nextBill); // clean precision-about
            Activity.Current?.SetTag("bill.difference", nextBill - legacyBill); // clean precision-about
            new MeterreconRunSpan(Activity.Current).SetMeterreconNote($"bill differs for account {account.AccountNumber}"); // leak TC1001 generated-api
            logger.LogDebug("Attribute {Attribute} is never sent", MeterreconAttributes.HolderEmail); // clean precision-names
        }
    }

    public async Task RollbackAsync(string runId, string batchId, IReadOnlyList<BillingAccount> before, CancellationToken cancellationToken)
    {
        using var span = source.StartMeterreconRun(runId);
        span.SetMeterreconBatchId(batchId).SetMeterreconOutcome("rollback");
        logger.LogWarning("Rolling back batch {BatchId} of run {RunId}: {Count} accounts", batchId, runId, before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            await billing.ApplyTariffAsync(batchId, before[i], $"rollback:{batchId}:{i}", cancellationToken);
            logger.LogInformation("Restored {Tariff} at {Rate} on {Account}", before[i].TariffCode, before[i].UnitRate, before[i]); // leak TC1001 logging-objects
        }
        Activity.Current?.SetTag("rollback.idempotency_prefix", $"rollback:{batchId}"); // clean precision-about
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "{Job} resumes after batch {BatchId} (last key {LastKey})")]
    private static partial void LogResume(ILogger logger, string job, string? batchId, string? lastKey);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Batch {BatchId}: {Count} accounts, checkpoint at {AccountNumber}")]
    private static partial void LogBatch(ILogger logger, string batchId, int count, string accountNumber);
}
