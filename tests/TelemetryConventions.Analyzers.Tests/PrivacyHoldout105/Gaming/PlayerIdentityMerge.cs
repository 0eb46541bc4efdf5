using Segment;

namespace PrivacyHoldout105.Gaming;

/// <summary>A guest profile (bound to one device) merged into a registered account, with the console platform's user id. Prints its members.</summary>
public sealed record MergeCommand(Guid GuestId, Guid AccountId, string Platform, string PlatformUserId, string Email);

/// <summary>
/// When a guest signs up or links a platform account, the guest's history is merged into the account: an alias in
/// the analytics warehouse and a stitch in the identity graph, which refuses a guest already merged elsewhere.
/// </summary>
public sealed class PlayerIdentityMerge(
    IAnalyticsClient analytics,
    IIdentityGraph graph,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PlayerIdentityMerge> logger)
{
    public async Task MergeAsync(MergeCommand cmd, CancellationToken ct)
    {
        using var span = source.StartGameclickSync("identity-graph").SetGameclickPlayerId(pseudonymizer.PseudonymizeGameclickPlayerId(cmd.AccountId.ToString())); // clean precision-pseudonym
        span.SetGameclickVisitorId(pseudonymizer.PseudonymizeGameclickVisitorId(cmd.GuestId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Merging {Command}", cmd); // leak TC1001 logging-objects
        logger.LogInformation("Merging guest {GuestId} into {AccountId}", cmd.GuestId, cmd.AccountId); // leak TC1001 direct
        Activity.Current?.SetTag("game.link.platform", cmd.Platform); // clean precision-about
        Activity.Current?.SetTag("game.link.platform_user", cmd.PlatformUserId); // leak TC1001 direct
        var mergeLock = HashCode.Combine(cmd.GuestId, cmd.AccountId);
        Activity.Current?.SetTag("game.merge.lock", mergeLock); // leak TC1002 hashes
        Activity.Current?.SetTag("game.merge.partition", HMACSHA256.HashData(secrets.ShardKey, cmd.AccountId.ToByteArray())[0] % 32); // clean hashes

        analytics.Alias(cmd.GuestId.ToString(), cmd.AccountId.ToString());
        try
        {
            var outcome = await graph.StitchAsync(new StitchRequest(cmd.GuestId.ToString(), cmd.AccountId.ToString(), "guest_upgrade", DateTimeOffset.UtcNow), ct);
            span.SetGameclickEventCount(outcome.ReattributedEvents); // clean precision-about
            span.SetGameclickNote(outcome.CreatedProfile ? "new profile" : $"merged {outcome.MergedAnonymousIds} guests"); // clean generated-api
            span.SetGameclickNote($"canonical {outcome.CanonicalId}"); // leak TC1001 generated-api
            span.SetGameclickOutcome("stitched"); // clean generated-api
            logger.LogInformation("Merge receipt sent to {Contact}", cmd.Email); // leak TC1001 direct
        }
        catch (IdentityConflictException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Merge conflict under {Rule}: {Message}", ex.Rule, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Merge conflict under {Rule} for a {Platform} link", ex.Rule, cmd.Platform); // clean exceptions
        }
    }
}
