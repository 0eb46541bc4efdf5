using System.Diagnostics;
using GreenDonut;
using HotChocolate;
using HotChocolate.Types;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Retail;

public sealed class ShipmentsByOrderDataLoader(IShipments shipments, ILogger<ShipmentsByOrderDataLoader> logger, IBatchScheduler scheduler)
    : BatchDataLoader<string, Shipment>(scheduler)
{
    protected override async Task<IReadOnlyDictionary<string, Shipment>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        logger.LogDebug("Loading shipments for orders {OrderIds}", keys); // clean logging-objects
        var found = await shipments.ForOrdersAsync(keys, cancellationToken);
        return keys.Zip(found).ToDictionary(p => p.First, p => p.Second);
    }
}

[ExtendObjectType<Order>]
public sealed class OrderExtensions
{
    public async Task<Shipment?> GetShipmentAsync([Parent] Order order, ShipmentsByOrderDataLoader shipments, ILogger<OrderExtensions> logger, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("order.id", order.Id); // clean precision-names
        activity?.SetTag("order.carrier", order.CarrierCode); // clean precision-about
        activity?.SetTag("order.delivery.postcode", order.DeliveryPostcode); // leak TC1001 direct
        var shipment = await shipments.LoadAsync(order.Id, cancellationToken);
        if (shipment is null)
        {
            logger.LogWarning("No shipment yet for order {OrderId} of customer {CustomerNumber}", order.Id, order.CustomerNumber); // leak TC1001 direct
        }

        return shipment;
    }
}
