namespace PrivacyHoldout121.Energy;

/// <summary>An in-home display or replacement meter kit ordered for a household.</summary>
public sealed record KitOrder(string OrderId, string AccountNumber, string MeterSerial, string KitType, Address Supply);

/// <summary>Sends in-home displays and meter kits to households and records carrier outcomes.</summary>
public sealed class InHomeDisplayDispatch(
    ICarrierClient carrier,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<InHomeDisplayDispatch> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Kits.Dispatch");
    private static readonly Meter Meter = new("Supplier.Kits.Dispatch");
    private static readonly Counter<long> KitsByRegion = Meter.CreateCounter<long>("kitship.kits.dispatched");

    public async Task DispatchAsync(KitOrder order, CancellationToken cancellationToken)
    {
        using var span = Source.StartKitshipDelivery(order.OrderId, "evri")
            .SetKitshipRecipientId(pseudonymizer.PseudonymizeKitshipRecipientId(order.AccountNumber)) // clean precision-pseudonym
            .SetKitshipArea(Postcodes.District(order.Supply.Postcode)); // clean precision-about
        span.Activity?.SetTag("kit.type", order.KitType); // clean precision-names
        span.Activity?.SetTag("kit.meter.model", order.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("kit.meter.serial", order.MeterSerial); // leak TC1001 direct
        KitsByRegion.Add(1, new KeyValuePair<string, object?>("kit.area", Postcodes.District(order.Supply.Postcode))); // clean precision-about
        KitsByRegion.Add(0, new KeyValuePair<string, object?>("kit.postcode", order.Supply.Postcode)); // leak TC1003 direct

        var shipment = await carrier.CreateShipmentAsync(order.Supply, new Parcel(900, 30, 20, 12), "tracked-48", order.OrderId, cancellationToken);
        span.SetKitshipTrackingNumber(shipment.TrackingNumber).SetKitshipStatus("pre_transit"); // clean precision-names
        logger.LogInformation("Kit {OrderId} booked with reference {Reference}", order.OrderId, shipment.Reference); // clean precision-names
        logger.LogInformation("Kit for account {Account} booked: {Shipment}", order.AccountNumber, shipment.Id); // leak TC1001 direct
        logger.LogDebug("Carrier label address {Line}", order.Supply.OneLine); // leak TC1001 cross-member
        span.SetKitshipNote($"kit {order.KitType} for {order.Supply.Line1}"); // leak TC1001 generated-api
        span.Activity?.SetTag("kit.account.digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(order.AccountNumber)))); // leak TC1002 hashes
        span.Activity?.SetTag("kit.account.shard", KeyedShard.Of(secrets.ShardKey, order.AccountNumber, 64)); // clean hashes
    }

    public void OnCarrierUpdate(KitOrder order, TrackingEvent scan)
    {
        Meter.CreateKitshipDeliveriesCounter().Add(1, "evri", scan.Status.ToString(), scan.Status == TrackingStatus.Delivered ? "delivered" : "pending"); // clean generated-api
        logger.LogInformation("Kit {OrderId} scanned at {Location}", order.OrderId, scan.Location); // clean logging-objects
        if (scan.Status == TrackingStatus.ReturnToSender)
        {
            logger.LogKitshipDeliveryFailedEvent(order.OrderId, "returned", pseudonymizer.PseudonymizeKitshipRecipientId(order.AccountNumber), scan.StatusDetail); // clean generated-api
            logger.LogKitshipDeliveryFailedEvent(order.OrderId, "returned", null, $"meter {order.MeterSerial} kit came back"); // leak TC1001 generated-api
        }
    }
}
