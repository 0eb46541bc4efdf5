using Unleash;
using Unleash.Admin;

namespace PrivacyHoldout115.Media;

/// <summary>
/// Receives the Unleash server's webhook for the streaming apps' project: flag changes, strategy
/// changes and environment toggles, which the on-call channel reads beside the deploy log.
/// </summary>
public sealed class FlagChangeWebhookHandler(IFlagStore store, FlagOptions options, Pseudonymizer pseudonymizer, ILogger<FlagChangeWebhookHandler> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Flags.Webhook");

    public async Task HandleAsync(UnleashEvent evt, CancellationToken ct)
    {
        var featureName = evt.FeatureName ?? "(none)";
        using var span = Source.StartMediaflagChange(featureName).SetMediaflagOutcome(evt.Type); // clean generated-api
        span.SetMediaflagOperatorId(pseudonymizer.PseudonymizeMediaflagOperatorId(evt.CreatedBy)); // clean precision-pseudonym
        Activity.Current?.SetTag("unleash.event.id", evt.Id); // clean direct
        Activity.Current?.SetTag("unleash.event.project", evt.Project); // clean precision-names
        Activity.Current?.SetTag("unleash.event.created_by", evt.CreatedBy); // leak TC1001 direct
        Activity.Current?.SetTag("unleash.event.tags", string.Join(",", evt.Tags)); // clean strings

        if (evt.Data is { } strategy)
        {
            Activity.Current?.SetTag("unleash.strategy", strategy.Name); // clean precision-names
            if (strategy.Parameters.TryGetValue("rollout", out var rollout))
            {
                span.SetMediaflagRolloutPercentage(int.Parse(rollout, CultureInfo.InvariantCulture)); // clean precision-about
            }
            if (strategy.Name == "userWithId" && strategy.Parameters.TryGetValue("userIds", out var userIds))
            {
                var before = evt.PreData?.Parameters.GetValueOrDefault("userIds")?.Split(',').Length ?? 0;
                Activity.Current?.SetTag("unleash.user_ids.count", userIds.Split(',').Length); // clean precision-about
                Activity.Current?.SetTag("unleash.user_ids.added", userIds.Split(',').Length - before); // clean precision-about
                logger.LogInformation("Individual targets on {Feature} now {UserIds}", featureName, userIds); // leak TC1001 strings
                span.SetMediaflagNote("userWithId: " + userIds); // leak TC1001 generated-api
            }
            logger.LogDebug("Strategy {Strategy}", strategy); // clean logging-objects
            logger.LogDebug("Strategy parameters {Parameters}", strategy.Parameters); // leak TC1001 logging-objects
        }

        logger.LogInformation("{Type} on {Feature} in {Environment} by {CreatedBy}", evt.Type, featureName, evt.Environment, evt.CreatedBy); // leak TC1001 direct
        await store.AppendChangeAsync(new FlagChange(featureName, evt.Environment ?? options.Environment, evt.Type, evt.PreData?.Name, evt.Data?.Name, evt.CreatedBy, evt.CreatedAt), ct);
        logger.LogInformation("Unleash event {Id} of {Type} stored", evt.Id, evt.Type); // clean precision-names
    }
}
