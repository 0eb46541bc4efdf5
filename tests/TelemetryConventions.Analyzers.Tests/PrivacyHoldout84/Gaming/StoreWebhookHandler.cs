namespace PrivacyHoldout84.Gaming;

public sealed record PassNotification(string NotificationId, string Kind, string SubscriptionId, string CustomerId, string Gamertag, string PlatformAccountId, string Tier, string PriceId, string Status, int RenewalCount);

public sealed record TierChange(string SubscriptionId, string FromTier, string ToTier, long ProratedCredit, string Currency);

public interface IPassAccounts
{
    Task<string> GameAccountForAsync(string customerId, CancellationToken ct);
}

/// <summary>Applies the billing provider's game pass notifications to players' game accounts.</summary>
public sealed partial class StoreWebhookHandler(
    ILogger<StoreWebhookHandler> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IPassAccounts accounts,
    IEntitlementClient entitlements)
{
    private static readonly Meter PassMeter = new("Game.Pass.Billing");
    private static readonly Counter<long> Notifications = PassMeter.CreateCounter<long>("pass.notifications");
    private static readonly Histogram<int> RenewalStreaks = PassMeter.CreateHistogram<int>("pass.renewal.streak");
    private static readonly UpDownCounter<long> ActivePasses = PassMeter.CreateUpDownCounter<long>("pass.active");

    public async Task HandleAsync(PassNotification notification, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPasssubWebhook(notification.Kind)
            .SetPasssubPlanId(notification.PriceId) // clean generated-api
            .SetPasssubSubscriptionStatus(notification.Status);
        span.SetPasssubCustomerId(Pseudonym.FromComputed(notification.CustomerId)); // leak TC1001 precision-pseudonym
        Notifications.Add(1, new KeyValuePair<string, object?>("kind", notification.Kind), new KeyValuePair<string, object?>("tier", notification.Tier)); // clean precision-about
        RenewalStreaks.Record(notification.RenewalCount, new KeyValuePair<string, object?>("player", notification.Gamertag)); // leak TC1003 direct

        LogNotification(logger, notification.NotificationId, notification.Kind, notification.RenewalCount); // clean precision-about
        LogPlayer(logger, notification.Gamertag, notification.Tier); // leak TC1001 direct

        var gameAccount = await accounts.GameAccountForAsync(notification.CustomerId, ct);
        Activity.Current?.SetTag("pass.game_account", gameAccount); // leak TC1001 direct
        Activity.Current?.SetTag("pass.platform", notification.PlatformAccountId.Split(':')[0]); // clean precision-about

        switch (notification.Kind)
        {
            case "subscription.created":
                ActivePasses.Add(1, new KeyValuePair<string, object?>("tier", notification.Tier));
                break;
            case "subscription.deleted":
                ActivePasses.Add(-1, new KeyValuePair<string, object?>("tier", notification.Tier));
                break;
        }

        var change = new EntitlementChange(notification.SubscriptionId, gameAccount, ["pass-library", "cloud-saves"], [], DateTimeOffset.UtcNow);
        try
        {
            var synced = await entitlements.ApplyAsync(change, ct);
            span.SetPasssubOutcome(synced.Changed ? "granted" : "unchanged");
            logger.LogInformation("Entitlement sync {Result} in {Lag}", synced, synced.Lag); // clean logging-objects
        }
        catch (EntitlementConflictException ex)
        {
            span.SetPasssubNote(ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddEvent(new ActivityEvent("entitlement.conflict", tags: new ActivityTagsCollection { ["feature"] = ex.Feature, ["exception.type"] = ex.GetType().Name })); // clean exceptions
        }
        finally
        {
            meter.CreatePasssubWebhookDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, notification.Kind); // clean generated-api
        }
    }

    public void OnTierChanged(TierChange change, string gamertag)
    {
        logger.LogInformation("Tier change {Change}", change); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent($"tier.changed.{change.ToTier}")); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent($"{gamertag} moved to {change.ToTier}")); // leak TC1001 strings
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Pass notification {NotificationId} ({Kind}), renewal #{RenewalCount}")]
    private static partial void LogNotification(ILogger logger, string notificationId, string kind, int renewalCount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Pass holder {Gamertag} on {Tier}")]
    private static partial void LogPlayer(ILogger logger, string gamertag, string tier);
}
