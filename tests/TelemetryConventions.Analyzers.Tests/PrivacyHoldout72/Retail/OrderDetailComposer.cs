using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace PrivacyHoldout72.Retail;

public sealed record OrderPart(string OrderId, string CustomerNumber, string Status, decimal Total, IReadOnlyList<string> Skus);

public sealed record ShipmentPart(string Carrier, string TrackingNumber, string DeliveryPostcode, DateOnly? Eta);

public sealed record LoyaltyPart(int PointsEarned, string Tier);

public sealed record OrderDetail(OrderPart Order, ShipmentPart? Shipment, LoyaltyPart? Loyalty);

/// <summary>Thrown when an order belongs to another customer.</summary>
public sealed class OrderOwnershipException(string orderId, string expectedCustomer, string actualCustomer)
    : Exception($"Order {orderId} belongs to {actualCustomer}, not {expectedCustomer}")
{
    public string OrderId { get; } = orderId;
}

/// <summary>
/// <c>GET /api/orders/{orderId}</c>: the order, its shipment and the loyalty points it earned,
/// composed and cached per order and customer. Downstream failures are mapped to what the app
/// shows and reported on the span and in the log.
/// </summary>
public sealed class OrderDetailComposer(HttpClient orders, HttpClient shipping, HttpClient loyalty, IMemoryCache cache, Pseudonymizer pseudonymizer, Meter meter, ILogger<OrderDetailComposer> logger)
{
    private readonly ShopRequestsCounter _requests = meter.CreateShopRequestsCounter();
    private readonly Counter<long> _cacheHits = meter.CreateCounter<long>("shop.order_detail.cache_hits");

    public async Task<OrderDetail> ComposeAsync(string orderId, ClaimsPrincipal user, CancellationToken ct)
    {
        var customerNumber = user.FindFirst("customer_number")!.Value;
        var email = user.FindFirst(ClaimTypes.Email)!.Value;
        var span = Activity.Current.EnrichShopRequest("shop-order-detail").SetShopOrderId(orderId); // clean precision-names
        var cacheKey = "order-detail:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerNumber + "|" + orderId)));

        if (cache.TryGetValue(cacheKey, out var cached))
        {
            _cacheHits.Add(1, new KeyValuePair<string, object?>("route", "shop-order-detail")); // clean precision-about
            Activity.Current?.SetTag("shop.cache.key", cacheKey); // leak TC1002 hashes
            return (OrderDetail)cached!;
        }

        var order = (await orders.GetFromJsonAsync<OrderPart>($"/orders/{orderId}", ct))!;
        if (order.CustomerNumber != customerNumber)
        {
            var ownership = new OrderOwnershipException(orderId, customerNumber, order.CustomerNumber);
            span.SetShopOutcome("forbidden"); // clean precision-about
            span.RecordException(ownership, "ownership"); // clean exceptions
            logger.LogWarning(ownership, "Order access refused"); // leak TC1001 exceptions
            logger.LogShopDownstreamFailedEvent("shop-order-detail", "forbidden", pseudonymizer.PseudonymizeShopCustomerId(customerNumber), ownership.Message); // leak TC1001 generated-api
            throw ownership;
        }

        var shipmentTask = shipping.GetFromJsonAsync<ShipmentPart>($"/shipments?order={orderId}", ct);
        var loyaltyTask = loyalty.GetFromJsonAsync<LoyaltyPart>($"/earnings/{orderId}", ct);
        ShipmentPart? shipment = null;
        LoyaltyPart? points = null;
        try
        {
            shipment = await shipmentTask;
        }
        catch (HttpRequestException ex)
        {
            span.SetShopNote("shipping unavailable: " + ex.StatusCode); // clean precision-about
        }

        try
        {
            points = await loyaltyTask;
        }
        catch (HttpRequestException)
        {
            span.SetShopNote($"loyalty unavailable for {email}"); // leak TC1001 generated-api
        }

        var detail = new OrderDetail(order, shipment, points);
        cache.Set(cacheKey, detail, TimeSpan.FromSeconds(45));

        span.SetShopCustomerId(pseudonymizer.PseudonymizeShopCustomerId(customerNumber)) // clean precision-pseudonym
            .SetShopParts(1 + (shipment is null ? 0 : 1) + (points is null ? 0 : 1)); // clean precision-about
        _requests.Add(1, "shop-order-detail", ShopUpstream.Orders, order.Status); // clean precision-about
        _requests.Add(1, "shop-order-detail", ShopUpstream.Orders, pseudonymizer.ComputeShopCustomerId(customerNumber)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Order {OrderId} detail: {Skus} SKUs, carrier {Carrier}, tier {Tier}", orderId, order.Skus.Count, shipment?.Carrier, points?.Tier); // clean precision-about
        logger.LogDebug("Shipment {@Shipment}", shipment); // leak TC1001 logging-objects
        logger.LogDebug("Order {Order}", order); // leak TC1001 logging-objects
        Activity.Current?.SetTag("shop.delivery.district", shipment?.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag(ShopAttributes.CustomerContact, pseudonymizer.ComputeShopCustomerId(email)); // leak TC1001 precision-pseudonym
        return detail;
    }
}
