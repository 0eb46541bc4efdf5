namespace PrivacyHoldout103.Media;

public sealed record SubscriberAccount(Guid SubscriberId, string Email, string Plan, string Country);

public sealed class UnknownAccountTokenException(Guid appAccountToken)
    : Exception($"No subscriber with app account token {appAccountToken}")
{
    public Guid AppAccountToken { get; } = appAccountToken;
}

/// <summary>
/// Handles App Store Server Notifications V2 for the streaming subscription. The app sets
/// <c>appAccountToken</c> to the subscriber's id when it starts a purchase.
/// </summary>
public sealed class SubscriptionNotificationHandler(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<SubscriptionNotificationHandler> logger)
{
    private readonly Counter<long> _renewals = meter.CreateCounter<long>("watchapp.subscription.notifications");

    public void Handle(AppStoreNotification notification, SubscriberAccount? account)
    {
        using var span = source.StartWatchappAppIngest("receipt");
        span.SetWatchappPlatform("ios"); // clean direct
        Activity.Current?.SetTag("appstore.notification_type", notification.NotificationType); // clean precision-names
        Activity.Current?.SetTag("appstore.subtype", notification.Subtype); // clean precision-names
        Activity.Current?.SetTag("appstore.notification_uuid", notification.NotificationUuid); // clean precision-names
        Activity.Current?.SetTag("appstore.app_account_token", notification.Transaction.AppAccountToken); // leak TC1001 cross-member
        Activity.Current?.SetTag("appstore.original_transaction", notification.Transaction.OriginalTransactionId); // clean precision-names
        _renewals.Add(1, new KeyValuePair<string, object?>("type", notification.NotificationType), new KeyValuePair<string, object?>("storefront", notification.Transaction.Storefront)); // clean precision-about
        try
        {
            if (account is null)
            {
                throw new UnknownAccountTokenException(notification.Transaction.AppAccountToken ?? Guid.Empty);
            }
            span.SetWatchappUserId(pseudonymizer.PseudonymizeWatchappUserId(account.SubscriberId.ToString())); // clean precision-pseudonym
            logger.LogInformation("Subscription {Type} for {Plan} in {Country}", notification.NotificationType, account.Plan, account.Country); // clean precision-about
            logger.LogInformation("Subscription {Type} for {Account}", notification.NotificationType, account); // leak TC1001 logging-objects
            if (notification.NotificationType == "REFUND")
            {
                logger.LogWarning("Refund for {SubscriberId}, mail {Email}", account.SubscriberId, account.Email); // leak TC1001 direct
                Activity.Current?.SetTag(WatchappAttributes.UserContact, pseudonymizer.Pseudonymize("subscriber-email", account.Email)); // leak TC1001 precision-pseudonym
            }
            Activity.Current?.AddBaggage("subscriber.pseudonym", pseudonymizer.PseudonymizeWatchappUserId(account.SubscriberId.ToString()).ToString()); // clean precision-pseudonym
        }
        catch (UnknownAccountTokenException ex)
        {
            span.RecordException(ex, ex.Message); // leak TC1001 exceptions
            logger.LogWatchappAppRejectedEvent("receipt", "unknown-account", watchappNote: ex.GetType().Name); // clean exceptions
        }
    }
}
