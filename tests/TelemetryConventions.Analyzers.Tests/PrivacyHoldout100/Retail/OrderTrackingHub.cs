namespace PrivacyHoldout100.Retail;

/// <summary>An order's delivery as the tracking page follows it.</summary>
public sealed record DeliveryTracking(string OrderId, string CustomerNumber, string DeliveryPostcode, string CourierId, string StoreId);

/// <summary>
/// The order tracking page: the customer's browser connects, joins the order's group and sees the courier
/// approach; the courier's app streams its position; click-and-collect customers tap "I'm here" and the
/// store sees them arrive in the car park.
/// </summary>
public sealed class OrderTrackingHub(ILogger<OrderTrackingHub> logger, Pseudonymizer pseudonymizer, Func<string, DeliveryTracking> deliveries, TelemetrySecrets secrets) : Hub
{
    private static readonly ActivitySource Source = new("Shop.OrderTracking");
    private static readonly Meter Meter = new("Shop.OrderTracking");
    private static readonly StoreliveMessagesCounter Messages = Meter.CreateStoreliveMessagesCounter();
    private static readonly StoreliveInvokeDurationHistogram Duration = Meter.CreateStoreliveInvokeDurationHistogram();
    private static readonly Counter<long> Arrivals = Meter.CreateCounter<long>("collect.arrivals");

    public async Task Track(string orderId)
    {
        var delivery = deliveries(orderId);
        if (delivery.CustomerNumber != Context.UserIdentifier)
        {
            throw new HubException($"Order {orderId} does not belong to you."); // clean exceptions
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, $"order-{orderId}");
        using var span = Source.StartStoreliveHubInvoke("/hubs/tracking", nameof(Track))
            .SetStoreliveGroup($"order-{orderId}") // clean generated-api
            .SetStoreliveStore(delivery.StoreId) // clean generated-api
            .SetStoreliveCustomerId(pseudonymizer.PseudonymizeStoreliveCustomerId(delivery.CustomerNumber)); // clean precision-pseudonym
        span.SetStoreliveNote($"tracking to {delivery.DeliveryPostcode}"); // leak TC1001 generated-api
        span.Activity?.SetTag("tracking.district", delivery.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        logger.LogInformation("Tracking {Delivery}", delivery); // leak TC1001 logging-objects
    }

    public async Task CourierPosition(string orderId, LocationUpdate fix)
    {
        var started = Stopwatch.GetTimestamp();
        var courier = Context.UserIdentifier!;
        await Clients.Group($"order-{orderId}").SendAsync("courierPosition", fix);
        Messages.Add(1, "/hubs/tracking", nameof(CourierPosition), "sent"); // clean generated-api
        Activity.Current?.SetTag("tracking.courier.fix", fix); // leak TC1001 logging-objects
        Activity.Current?.SetTag("tracking.courier.speed", fix.SpeedMetresPerSecond); // clean precision-about
        Activity.Current?.SetTag("tracking.courier", courier); // leak TC1001 direct
        Activity.Current?.SetTag("tracking.courier.eta_min", Math.Round(1.2 * 60 / Math.Max(fix.SpeedMetresPerSecond ?? 1, 1))); // clean precision-about
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "/hubs/tracking", nameof(CourierPosition)); // clean generated-api
    }

    public async Task ImHere(string orderId, string bay, string? numberPlate)
    {
        var delivery = deliveries(orderId);
        await Clients.Group($"store-{delivery.StoreId}-collect").SendAsync("customerArrived", new { orderId, bay, numberPlate });
        Arrivals.Add(1, new KeyValuePair<string, object?>("store", delivery.StoreId), new KeyValuePair<string, object?>("bay", bay)); // clean precision-about
        Activity.Current?.SetTag("collect.plate", numberPlate); // leak TC1001 direct
        Activity.Current?.SetTag("collect.plate.given", numberPlate is not null); // clean precision-about
        logger.LogInformation("Customer {Customer} arrived at {Store} bay {Bay}", delivery.CustomerNumber, delivery.StoreId, bay); // leak TC1001 cross-member
        var plateKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(numberPlate ?? string.Empty)))[..10];
        logger.LogDebug("Arrival plate key {PlateKey}", plateKey); // leak TC1002 hashes
        logger.LogDebug("Arrival shard {Shard}", Shards.Of(secrets.ShardKey, delivery.CustomerNumber, 4)); // clean hashes
    }
}
