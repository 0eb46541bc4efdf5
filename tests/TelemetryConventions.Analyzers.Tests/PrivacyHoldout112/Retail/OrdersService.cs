using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Shop.V1;

namespace PrivacyHoldout112.Retail;

public interface IOrderStore
{
    Task<PlaceOrderReply> PlaceAsync(PlaceOrderRequest request, CancellationToken cancellationToken);

    Task<OrderView?> FindAsync(string orderId, CancellationToken cancellationToken);
}

/// <summary>
/// shop.v1.Orders over gRPC (checkout) and JSON transcoding (the storefront):
/// <c>POST /v1/customers/{customer_id}/orders</c> with the body, <c>GET /v1/orders/{order_id}</c>.
/// </summary>
public sealed class OrdersService(
    IOrderStore store,
    Pseudonymizer pseudonymizer,
    KeyedShards shards,
    ILogger<OrdersService> logger) : Orders.OrdersBase
{
    private static readonly ActivitySource Source = new("Shop.Orders");
    private static readonly Meter Meter = new("Shop.Orders");
    private static readonly Histogram<long> Basket = Meter.CreateHistogram<long>("shop.order.lines");

    public override async Task<PlaceOrderReply> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var rule = http.GetEndpoint()?.GetMetadata<GrpcJsonTranscodingMetadata>()?.HttpRule;
        using var span = Source.StartShoprpcCall(context.Method)
            .SetShoprpcProtocol(rule is null ? "grpc" : "json")
            .SetShoprpcRoute(rule?.Pattern ?? string.Empty) // clean precision-names
            .SetShoprpcCustomerId(pseudonymizer.PseudonymizeShoprpcCustomerId(request.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("http.route", (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText); // clean precision-names
        Activity.Current?.SetTag("url.path", http.Request.Path); // leak TC1001 strings
        Activity.Current?.SetTag("shop.store.id", request.StoreId); // clean precision-names
        Activity.Current?.SetTag("shop.delivery.district", request.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("shop.loyalty.card_tail", request.LoyaltyCard.Length > 4 ? request.LoyaltyCard[^4..] : null); // clean precision-about
        Activity.Current?.SetTag("shop.loyalty.card", Convert.ToBase64String(Encoding.UTF8.GetBytes(request.LoyaltyCard))); // leak TC1001 hashes
        Activity.Current?.SetTag("shop.order.shard", shards.ShardOf(request.CustomerId, 64)); // clean hashes
        Basket.Record(request.Lines.Count, new KeyValuePair<string, object?>("store", request.StoreId)); // clean precision-about
        logger.LogInformation("Order body {Body}", JsonFormatter.Default.Format(request)); // leak TC1001 logging-objects
        var redacted = request.Clone();
        redacted.Email = string.Empty;
        redacted.LoyaltyCard = string.Empty;
        logger.LogDebug("Order (redacted) {Order}", redacted); // leak TC1001 logging-objects
        logger.LogDebug("Lines {Lines}", request.Lines); // clean logging-objects

        if (request.Lines.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "An order needs at least one line")); // clean exceptions
        }

        var reply = await store.PlaceAsync(request, context.CancellationToken);
        span.SetShoprpcOutcome("placed").SetShoprpcNote($"order {reply.OrderId}, {request.Lines.Count} lines, {reply.TotalPence}p"); // clean generated-api
        logger.LogShoprpcCallFailedEvent(context.Method, "slow", pseudonymizer.PseudonymizeShoprpcCustomerId(request.CustomerId), $"placed for {request.Email}"); // leak TC1001 generated-api
        return reply;
    }

    public override async Task<OrderView> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        using var span = Source.StartShoprpcCall(context.Method).SetShoprpcProtocol("json");
        Activity.Current?.SetTag("url.path", http.Request.Path); // clean strings
        Activity.Current?.SetTag("shop.route_value.order", http.Request.RouteValues["order_id"]?.ToString()); // clean precision-names
        var order = await store.FindAsync(request.OrderId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Order {request.OrderId} not found")); // clean exceptions
        logger.LogDebug("Order view {Order}", order); // clean logging-objects
        return order;
    }
}
