namespace PrivacyHoldout115.Retail;

public sealed record StoreRollout(string FlagKey, IReadOnlyList<string> Stores, int Percentage, string ApprovedBy);

/// <summary>
/// Moves the new till software's flag through its stages, store by store, every night: pilot stores,
/// then a percentage of the estate, and holds the rollout when a store's error rate is up.
/// </summary>
public sealed class StoreRolloutWorker(IQueueReceiver<StoreRollout> queue, IFlagStore store, Pseudonymizer pseudonymizer, ILogger<StoreRolloutWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Tills.Rollout");
    private static readonly Meter Meter = new("Retail.Tills.Rollout");
    private static readonly Histogram<int> Stage = Meter.CreateHistogram<int>("tills.rollout.percentage");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var rollout = await queue.ReceiveAsync(stoppingToken);
            if (rollout is null)
            {
                continue;
            }

            using var span = Source.StartShopflagChange(rollout.FlagKey).SetShopflagRolloutPercentage(rollout.Percentage); // clean generated-api
            span.SetShopflagOperatorId(pseudonymizer.PseudonymizeShopflagOperatorId(rollout.ApprovedBy)); // clean precision-pseudonym
            span.SetShopflagNote($"stores {string.Join(",", rollout.Stores)}"); // clean generated-api
            Activity.Current?.SetTag("rollout.stores", rollout.Stores.Count); // clean precision-about
            Stage.Record(rollout.Percentage, new KeyValuePair<string, object?>("flag", rollout.FlagKey)); // clean precision-names
            logger.LogInformation("Rollout stage {Rollout}", rollout); // leak TC1001 logging-objects
            logger.LogInformation("Rollout of {Flag} to {Percentage}% across {Stores}", rollout.FlagKey, rollout.Percentage, rollout.Stores); // clean logging-objects

            var kill = await store.GetKillSwitchAsync(rollout.FlagKey, stoppingToken);
            if (kill is { Engaged: true })
            {
                span.SetShopflagOutcome("held").SetStatus(ActivityStatusCode.Error, new KillSwitchEngagedException(kill.Feature, kill.Reason).Message); // clean exceptions
                logger.LogWarning("Rollout of {Flag} held: kill switch {KillSwitch}", rollout.FlagKey, kill); // leak TC1001 logging-objects
                continue;
            }

            var staffOverrides = await store.GetOverridesAsync(rollout.FlagKey, stoppingToken);
            logger.LogInformation("{Count} colleagues opted in early: {Colleagues}", staffOverrides.Count, string.Join(",", staffOverrides.Select(o => o.SubjectKey))); // leak TC1001 strings
            logger.LogInformation("Approved by colleague {Approver}", rollout.ApprovedBy); // leak TC1001 direct
        }
    }
}
