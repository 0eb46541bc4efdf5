namespace PrivacyHoldout75.Media;

public sealed record Subscription(
    Guid SubscriberId,
    string Email,
    string Plan,
    string Territory,
    decimal MonthlyPrice,
    DateOnly RenewsOn,
    int Version);

public interface IBillingPlatform
{
    string Name { get; }

    /// <summary>Active subscriptions of a territory keyed by the subscriber's id ("N" format).</summary>
    Task<IReadOnlyDictionary<string, Subscription>> ActiveAsync(string territory, CancellationToken cancellationToken);

    /// <summary>A month's invoice totals keyed by invoice number.</summary>
    Task<IReadOnlyDictionary<string, decimal>> InvoicesAsync(string territory, DateOnly month, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or updates a subscription. Throws <see cref="MigrationConflictException"/> (batch id
    /// and the subscription's versions) when it changed since the batch read it.
    /// </summary>
    Task UpsertAsync(string batchId, Subscription subscription, CancellationToken cancellationToken);

    Task CancelAsync(Guid subscriberId, CancellationToken cancellationToken);
}

/// <summary>
/// Moves subscriptions from the in-house billing platform to the new one, territory by territory
/// and plan by plan (<c>billmig-plan:{plan}</c> flags), in batches of 100 with a checkpoint on the
/// last subscriber id of each batch; reconciles subscriptions and invoices afterwards and can roll a
/// run back.
/// </summary>
public sealed class SubscriberBillingMigration(
    IBillingPlatform legacy,
    IBillingPlatform next,
    ICheckpointStore checkpoints,
    IFeatureFlags flags,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SubscriberBillingMigration> logger)
{
    private readonly UpDownCounter<long> _inFlight = meter.CreateUpDownCounter<long>("billmig.batches.in_flight", "{batch}");
    private readonly List<Guid> _migrated = [];

    public async Task MigrateAsync(string runId, string territory, CancellationToken cancellationToken)
    {
        var job = $"billmig:{territory}";
        var all = await legacy.ActiveAsync(territory, cancellationToken);
        var checkpoint = await checkpoints.LoadAsync(job, cancellationToken);
        var pending = all.Where(p => checkpoint?.LastKey is null || string.CompareOrdinal(p.Key, checkpoint.LastKey) > 0).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        logger.LogInformation("{Territory}: {Pending} of {Total} subscriptions to migrate, resuming after batch {BatchId}", territory, pending.Count, all.Count, checkpoint?.BatchId); // clean precision-about

        var index = 0;
        foreach (var chunk in pending.Chunk(100))
        {
            var batch = new MigrationBatch(job, $"{territory}-{runId}-{index++:D3}", index, chunk.Length);
            _inFlight.Add(1, new KeyValuePair<string, object?>("territory", territory)); // clean precision-about
            using var span = source.StartBillmigBatch(runId);
            span.SetBillmigBatchId(batch.BatchId).SetBillmigRecords(batch.Size);
            try
            {
                foreach (var (_, subscription) in chunk)
                {
                    if (!flags.IsEnabled($"billmig-plan:{subscription.Plan}"))
                    {
                        continue;
                    }
                    await next.UpsertAsync(batch.BatchId, subscription, cancellationToken);
                    _migrated.Add(subscription.SubscriberId);
                    span.SetBillmigSubscriberId(pseudonymizer.PseudonymizeBillmigSubscriberId(subscription.SubscriberId.ToString("N"))); // clean precision-pseudonym
                    Activity.Current?.SetTag(BillmigAttributes.SubscriberEmail, pseudonymizer.PseudonymizeBillmigSubscriberId(subscription.Email)); // leak TC1001 precision-pseudonym
                    Activity.Current?.SetTag("billmig.email_domain", subscription.Email[(subscription.Email.IndexOf('@') + 1)..]); // clean precision-about
                    var emailKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subscription.Email.ToLowerInvariant())))[..16];
                    Activity.Current?.SetTag("billmig.email_key", emailKey); // leak TC1002 hashes
                }

                var lastKey = chunk[^1].Key;
                await checkpoints.SaveAsync(new Checkpoint(job, batch.BatchId, lastKey, _migrated.Count, DateTimeOffset.UtcNow), cancellationToken);
                logger.LogInformation("{Batch} done", batch); // clean logging-objects
                logger.LogDebug("Checkpoint of {BatchId} at {LastKey}", batch.BatchId, lastKey); // leak TC1001 direct
            }
            catch (MigrationConflictException ex)
            {
                span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "Batch {BatchId} conflicted at v{Version}", ex.BatchId, ex.ActualVersion); // clean exceptions
            }
            finally
            {
                _inFlight.Add(-1, new KeyValuePair<string, object?>("territory", territory));
            }
        }
    }

    public async Task ReconcileAsync(string runId, string territory, DateOnly month, CancellationToken cancellationToken)
    {
        using var span = source.StartBillmigBatch(runId);
        var subscriptions = Reconciler.Compare($"subscriptions:{territory}", await legacy.ActiveAsync(territory, cancellationToken), await next.ActiveAsync(territory, cancellationToken), (a, b) => a.Plan == b.Plan && a.MonthlyPrice == b.MonthlyPrice);
        var invoices = Reconciler.Compare($"invoices:{territory}:{month:yyyy-MM}", await legacy.InvoicesAsync(territory, month, cancellationToken), await next.InvoicesAsync(territory, month, cancellationToken), (a, b) => a == b);
        span.SetBillmigRecords(subscriptions.SourceCount).SetBillmigMismatches(subscriptions.Mismatched.Count + invoices.Mismatched.Count);
        logger.LogInformation("{Subscriptions}; {Invoices}", subscriptions, invoices); // clean logging-objects
        logger.LogWarning("Invoices only on the new platform: {InvoiceNumbers}", invoices.MissingInSource); // clean logging-objects
        logger.LogWarning("Subscribers not migrated: {SubscriberIds}", subscriptions.MissingInTarget); // leak TC1001 logging-objects
        Activity.Current?.SetTag("billmig.first_unmigrated", subscriptions.MissingInTarget.FirstOrDefault()); // leak TC1001 direct
        logger.LogBillmigMismatchEvent("reconcile", subscriptions.Balanced ? "balanced" : "unbalanced", billmigNote: $"{subscriptions.MissingInTarget.Count} missing, {subscriptions.Mismatched.Count} priced differently"); // clean generated-api
        if (!subscriptions.Balanced)
        {
            span.SetStatus(ActivityStatusCode.Error, $"{subscriptions.MissingInTarget.Count} subscriptions missing on {next.Name}"); // clean precision-about
        }
    }

    public async Task RollbackAsync(string runId, CancellationToken cancellationToken)
    {
        logger.LogWarning("Rolling back {Count} subscriptions of run {RunId}", _migrated.Count, runId);
        foreach (var subscriberId in _migrated)
        {
            await next.CancelAsync(subscriberId, cancellationToken);
            logger.LogInformation("Cancelled the migrated subscription of {SubscriberId}", subscriberId); // leak TC1001 cross-member
            Activity.Current?.SetTag(BillmigAttributes.SubscriberId, pseudonymizer.PseudonymizeBillmigSubscriberId(subscriberId.ToString("N")).Value); // clean precision-pseudonym
        }
    }
}
