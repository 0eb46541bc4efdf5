namespace PrivacyHoldout90.Retail;

public sealed record OrderStatusChanged(
    string OrderId,
    string CustomerNumber,
    string Status,
    string Carrier,
    string TrackingNumber,
    string? DriverFirstName,
    int? StopsAway,
    string DeliveryPostcode,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd);

/// <summary>
/// Order updates in the app's inbox and by push: shipped, the delivery window, and "Tom is 3 stops away"
/// from the carrier's live tracking. One notification per order and status.
/// </summary>
public sealed partial class OrderUpdateNotifications(
    INotificationStore inbox,
    IDeviceRegistry devices,
    IFirebaseMessaging fcm,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<OrderUpdateNotifications> logger)
{
    private static readonly Meter OrdersMeter = new("Shop.OrderNotifications");
    private static readonly Counter<long> Updates = OrdersMeter.CreateCounter<long>("shopnotify.order.updates", "{notification}");
    private static readonly Histogram<double> PushLatency = OrdersMeter.CreateHistogram<double>("shopnotify.push.latency", "s");

    public async Task OnStatusChangedAsync(OrderStatusChanged changed, CancellationToken cancellationToken)
    {
        var verb = $"order.{changed.Status}";
        using var span = source.StartShopnotifyNotify(verb, "push");
        span.SetShopnotifyRecipientId(pseudonymizer.PseudonymizeShopnotifyRecipientId(changed.CustomerNumber)); // clean precision-pseudonym

        var collapseKey = CollapseKeys.For(verb, changed.OrderId);
        if (await inbox.FindByCollapseKeyAsync(changed.CustomerNumber, collapseKey, cancellationToken) is { } existing)
        {
            LogDuplicate(logger, changed.OrderId, changed.Status, existing.Id); // clean precision-names
            return;
        }

        var text = changed switch
        {
            { Status: "out_for_delivery", DriverFirstName: { } driver, StopsAway: { } stops } => $"{driver} is {stops} stops away with order {changed.OrderId}",
            { Status: "shipped" } => $"Order {changed.OrderId} has shipped with {changed.Carrier}",
            { WindowStart: { } from, WindowEnd: { } to } => $"Order {changed.OrderId} arrives today {from:HH:mm}-{to:HH:mm}",
            _ => $"Order {changed.OrderId}: {changed.Status.Replace('_', ' ')}",
        };
        var notification = new NotificationRecord(NotificationIds.New(), changed.CustomerNumber, null, verb, "order", changed.OrderId, text, DateTimeOffset.UtcNow)
        {
            CollapseKey = collapseKey,
        };
        await inbox.InsertAsync(notification, cancellationToken);
        span.SetShopnotifyNotificationId(notification.Id); // clean precision-names
        LogCreated(logger, notification.Id, text); // leak TC1001 strings

        Updates.Add(1, new KeyValuePair<string, object?>("shopnotify.carrier", changed.Carrier), new KeyValuePair<string, object?>("shopnotify.status", changed.Status)); // clean precision-names
        Updates.Add(0, new KeyValuePair<string, object?>("shopnotify.customer", pseudonymizer.ComputeShopnotifyRecipientId(changed.CustomerNumber))); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("shopnotify.tracking_number", changed.TrackingNumber); // clean precision-names
        span.Activity?.SetTag("shopnotify.delivery.district", changed.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("shopnotify.delivery.postcode", changed.DeliveryPostcode); // leak TC1001 direct
        span.Activity?.SetTag("shopnotify.driver", changed.DriverFirstName); // leak TC1001 direct
        Activity.Current?.SetBaggage("shop.customer", changed.CustomerNumber); // leak TC1001 direct

        var started = Stopwatch.GetTimestamp();
        foreach (var device in await devices.ForOwnerAsync(changed.CustomerNumber, cancellationToken))
        {
            try
            {
                await fcm.SendAsync(new Message
                {
                    Token = device.Token,
                    Notification = new Notification { Title = "Order update", Body = text },
                    Data = new Dictionary<string, string> { ["orderId"] = changed.OrderId },
                }, cancellationToken);
            }
            catch (FirebaseMessagingException ex)
            {
                logger.LogWarning(ex, "Push for order {OrderId} failed with {Code}", changed.OrderId, ex.MessagingErrorCode); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
        }
        PushLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("shopnotify.status", changed.Status));
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Debug, Message = "Order {OrderId} already notified as {Status} ({NotificationId})")]
    private static partial void LogDuplicate(ILogger logger, string orderId, string status, string notificationId);

    [LoggerMessage(EventId = 8202, Level = LogLevel.Information, Message = "Notification {NotificationId}: {Text}")]
    private static partial void LogCreated(ILogger logger, string notificationId, string text);
}
