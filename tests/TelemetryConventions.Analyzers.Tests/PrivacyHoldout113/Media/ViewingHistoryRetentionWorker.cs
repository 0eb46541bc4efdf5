namespace PrivacyHoldout113.Media;

public sealed record PurgeBatch(int BatchNumber, IReadOnlyList<Guid> SubscriberIds, DateTimeOffset Cutoff);

/// <summary>Purges viewing history older than the retention policy, skipping subscribers under a litigation hold.</summary>
public sealed class ViewingHistoryRetentionWorker(
    ILegalHoldRegistry holds,
    ILogger<ViewingHistoryRetentionWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _purged = meter.CreateCounter<long>("mdaudit.history.purged");

    public async Task RunAsync(RetentionPolicy policy, PurgeBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartMdauditRequest($"purge-{batch.BatchNumber}", "sweep");
        span.SetMdauditRetentionPolicy(policy.PolicyId); // clean precision-names
        span.Activity?.SetTag("mdaudit.cutoff", batch.Cutoff); // clean precision-about
        logger.LogInformation("Batch {Batch}", batch); // clean logging-objects
        logger.LogDebug("Batch subscribers {Subscribers}", batch.SubscriberIds); // leak TC1001 logging-objects

        var purged = 0;
        foreach (var subscriberId in batch.SubscriberIds)
        {
            var held = await holds.HoldsForAsync(subscriberId.ToString(), cancellationToken);
            if (held.Count > 0)
            {
                logger.LogInformation("Subscriber {SubscriberId} skipped: hold {HoldId}", subscriberId, held[0].HoldId); // leak TC1001 direct
                logger.LogInformation("Skipped for hold {HoldId} on matter {Matter}", held[0].HoldId, held[0].Matter); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("mdaudit.hold.placed_by", tags: new ActivityTagsCollection { ["by"] = held[0].PlacedBy })); // leak TC1001 cross-member
                continue;
            }
            purged++;
            var partition = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, subscriberId.ToByteArray()), 0) % 32;
            _purged.Add(1, new KeyValuePair<string, object?>("mdaudit.partition", partition)); // clean hashes
        }
        span.SetMdauditFieldCount(purged); // clean precision-about
        span.SetMdauditOutcome(purged == batch.SubscriberIds.Count ? "complete" : "partial"); // clean generated-api
    }

    public void RecordAdConsent(Guid subscriberId, bool personalisedAds, string territory)
    {
        using var span = source.StartMdauditRequest(Guid.NewGuid().ToString(), "consent");
        span.SetMdauditConsentPurpose("personalised-ads"); // clean precision-names
        span.Activity?.SetTag("mdaudit.territory", territory); // clean precision-names
        span.Activity?.SetTag("mdaudit.subscriber", subscriberId); // leak TC1001 direct
        span.SetMdauditSubjectId(pseudonymizer.PseudonymizeMdauditSubjectId(subscriberId.ToString())); // clean precision-pseudonym
        var legacyKey = new Guid(MD5.HashData(subscriberId.ToByteArray()));
        logger.LogInformation("Ad consent {Granted} for legacy key {Key}", personalisedAds, legacyKey); // leak TC1002 hashes
    }
}
