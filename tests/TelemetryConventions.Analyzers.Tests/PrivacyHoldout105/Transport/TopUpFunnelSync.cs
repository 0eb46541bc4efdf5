namespace PrivacyHoldout105.Transport;

public interface IRiderAccounts
{
    Task<IReadOnlyList<string>> CardsOfAsync(string riderId, CancellationToken ct);

    Task<string?> EmailOfAsync(string riderId, CancellationToken ct);
}

/// <summary>
/// The travel card top-up funnel (started, amount chosen, paid). Riders who stall at payment are sent to the push
/// tool's "finish your top-up" audience, split into two nudge arms. The push tool's errors are fixed texts about
/// device tokens.
/// </summary>
public sealed class TopUpFunnelSync(
    IFunnelQuery query,
    IRiderAccounts accounts,
    IDestinationClient push,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TopUpFunnelSync> logger)
{
    private static readonly FunnelDefinition TopUp = new("card-topup", "Card top-up",
        [new FunnelStep("started", "topup_started"), new FunnelStep("amount", "topup_amount_selected"), new FunnelStep("paid", "topup_paid")], TimeSpan.FromHours(2));

    private static void TagRider(Activity? activity, string riderKey) =>
        activity?.SetTag("topup.rider", riderKey); // leak TC1001 cross-member

    public async Task RunAsync(DateOnly day, Dictionary<string, int> stalledByMethod, Dictionary<string, int> failuresByRider, CancellationToken ct)
    {
        var report = await query.RunAsync(TopUp, day, day, ct);
        logger.LogInformation("Top-up funnel {Report}", report); // clean logging-objects
        logger.LogInformation("Stalled at payment by method {Counts}", stalledByMethod); // clean logging-objects
        logger.LogWarning("Payment failures per rider {Failures}", failuresByRider); // leak TC1001 logging-objects

        var stalled = report.DroppedOff.GetValueOrDefault("amount") ?? [];
        if (stalled.Count == 0)
        {
            return;
        }
        using var span = source.StartRideclickSync(push.Name).SetRideclickFunnelStep("amount").SetRideclickBatchSize(stalled.Count); // clean generated-api
        TagRider(Activity.Current, stalled[0]); // leak TC1001 cross-member
        TagRider(Activity.Current, pseudonymizer.ComputeRideclickRiderId(stalled[0])); // clean cross-member
        Activity.Current?.AddEvent(new ActivityEvent("push.audience", tags: new ActivityTagsCollection { ["riders"] = string.Join(",", stalled) })); // leak TC1001 strings

        var cards = await accounts.CardsOfAsync(stalled[0], ct);
        logger.LogDebug("Cards of the first stalled rider {Cards}", string.Join(",", cards)); // leak TC1001 strings
        logger.LogDebug("First stalled rider has {Count} cards", cards.Count); // clean precision-about
        if (await accounts.EmailOfAsync(stalled[0], ct) is { } email)
        {
            Activity.Current?.SetTag(RideclickAttributes.RiderContact, email); // leak TC1001 generated-api
        }

        var members = new List<AudienceMember>();
        foreach (var riderId in stalled)
        {
            var arm = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(riderId))[0] % 2 == 0 ? "A" : "B";
            Activity.Current?.SetTag("topup.nudge.arm", arm); // clean hashes
            var legacyArm = SHA1.HashData(Encoding.UTF8.GetBytes(riderId))[0] % 2;
            Activity.Current?.SetTag("topup.nudge.legacy_arm", legacyArm); // leak TC1002 hashes
            members.Add(new AudienceMember(riderId, null, null) { Attributes = { ["arm"] = arm } });
        }

        var result = await push.UpsertAsync(new SyncBatch(Guid.NewGuid(), push.Name, "finish-topup", members, Removal: false), ct);
        foreach (var error in result.Errors)
        {
            logger.LogWarning("Push tool error {Error}", error); // clean logging-objects
            logger.LogWarning("Push tool error for rider {RiderId}", members[error.Index].ExternalId); // leak TC1001 cross-member
        }
        span.SetRideclickOutcome(result.Rejected == 0 ? "synced" : "partial"); // clean generated-api
    }
}
