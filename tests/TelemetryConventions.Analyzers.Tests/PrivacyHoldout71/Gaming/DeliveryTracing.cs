namespace PrivacyHoldout71.Gaming;

/// <summary>
/// The platform team's tracing helpers for webhook deliveries, shared by the fan-out and the
/// receivers. <see cref="Target"/> tags whatever it is handed as the delivery's target.
/// </summary>
public static class DeliveryTracing
{
    public static void Target(this Activity? activity, string target) =>
        activity?.SetTag("webhook.target", target);

    public static void Attempts(this Activity? activity, IReadOnlyList<DeliveryAttempt> attempts) =>
        activity?.SetTag("webhook.attempts", attempts.Count); // clean precision-about
}

/// <summary>
/// The guild service posts guild events to the guild's Discord-style webhook. The username the post is
/// shown under is the leader's gamertag; Discord's error replies quote the rejected username field. The hook URL's path names the
/// guild's webhook (a thing).
/// </summary>
public sealed class GuildWebhookSender(IDeliveryLog deliveryLog, ILogger<GuildWebhookSender> logger)
{
    public async Task SendAsync(string guildId, string leaderGamertag, Uri hookUrl, CancellationToken cancellationToken)
    {
        Activity.Current.Target($"guild:{guildId}"); // clean cross-member
        Activity.Current.Target($"leader:{leaderGamertag}"); // leak TC1001 cross-member
        Activity.Current.Target(new Uri(hookUrl, $"?username={Uri.EscapeDataString(leaderGamertag)}").ToString()); // leak TC1001 cross-member
        Activity.Current.Target(hookUrl.GetLeftPart(UriPartial.Path)); // clean cross-member
        var failed = await deliveryLog.FailedSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), cancellationToken);
        Activity.Current.Attempts(failed);
        logger.LogInformation("Failed guild deliveries: {Attempts}", failed.Select(f => f with { ResponseBody = null }).ToList()); // clean logging-objects
        var errors = failed.Select(f => f.ResponseBody).OfType<string>().ToList();
        logger.LogInformation("Discord answered: {Errors}", errors); // leak TC1001 logging-objects
    }
}
