using System.Security.Cryptography;
using System.Text.Json;

namespace PrivacyHoldout67.Retail;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Order(string OrderId, string CustomerNumber, string CustomerEmail, string DeliveryPostcode, string? DeliveryInstructions, IReadOnlyList<OrderLine> Lines, string Warehouse, string Carrier);

internal static class FulfilmentTracing
{
    public static readonly ActivitySource Publisher = new("Shop.Fulfilment.Publisher");
    public static readonly ActivitySource Dispatch = new("Shop.Fulfilment.Dispatch");
    public static readonly Meter Meter = new("Shop.Fulfilment");
}

/// <summary>
/// Publishes paid orders to the warehouse queue. The producer span's context and the baggage travel
/// in the message's application properties, written by the propagator through the shared setter.
/// </summary>
public sealed class OrderPublisher(IMessageSender sender, IMessageSender pickSender, ILogger<OrderPublisher> logger)
{
    public async Task PublishAsync(Order order, CancellationToken ct)
    {
        using var activity = FulfilmentTracing.Publisher.StartActivity($"{sender.EntityPath} publish", ActivityKind.Producer); // clean strings
        activity?.SetTag("messaging.destination.name", sender.EntityPath); // clean precision-names
        activity?.SetTag("messaging.message.conversation_id", order.OrderId);
        var message = new OutboundMessage { Subject = "order.paid", CorrelationId = order.OrderId, Body = JsonSerializer.Serialize(order) };
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(activity?.Context ?? default, Baggage.Create(new Dictionary<string, string> { ["order.id"] = order.OrderId, ["customer.number"] = order.CustomerNumber })), message, MessageCarrier.Setter); // leak TC1001 direct
        activity?.SetTag("messaging.message.id", message.MessageId);
        await sender.SendAsync(message, ct);

        var pick = new OutboundMessage { Subject = "order.pick", CorrelationId = order.OrderId, Body = JsonSerializer.Serialize(order.Lines) };
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(activity?.Context ?? default, Baggage.Create(new Dictionary<string, string> { ["order.id"] = order.OrderId, ["warehouse"] = order.Warehouse })), pick, MessageCarrier.Setter); // clean direct
        await pickSender.SendAsync(pick, ct);
        logger.LogInformation("Order {OrderId} published to {Queue} with {Lines} lines", order.OrderId, sender.EntityPath, order.Lines.Count); // clean direct
    }
}

/// <summary>
/// The warehouse side: continues the producer's trace, holds suspicious orders and books the carrier.
/// </summary>
public sealed class DispatchHandler(CarrierClient carrier, Pseudonymizer pseudonymizer, ILogger<DispatchHandler> logger)
{
    private static readonly Histogram<double> BasketValue = FulfilmentTracing.Meter.CreateHistogram<double>("shop.basket.value", "GBP");
    private readonly FulfilOrdersDispatchedCounter _dispatched = FulfilmentTracing.Meter.CreateFulfilOrdersDispatchedCounter();

    public async Task HandleAsync(InboundMessage message, string customerTier, CancellationToken ct)
    {
        var parent = Propagators.DefaultTextMapPropagator.Extract(default, message, MessageCarrier.Getter);
        Baggage.Current = parent.Baggage;
        var order = JsonSerializer.Deserialize<Order>(message.Body)!;

        using var span = FulfilmentTracing.Dispatch.StartFulfilOrderDispatch(order.OrderId, parentContext: parent.ActivityContext) // clean generated-api
            .SetFulfilCustomerId(pseudonymizer.PseudonymizeFulfilCustomerId(order.CustomerNumber)) // clean precision-pseudonym
            .SetFulfilBatchSize(order.Lines.Count);
        span.Activity?.SetTag(FulfilAttributes.CustomerEmail, pseudonymizer.ComputeFulfilCustomerId(order.CustomerEmail)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("customer.email.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(order.CustomerEmail.ToLowerInvariant())))); // leak TC1002 hashes
        span.Activity?.SetTag("delivery.district", order.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("origin.customer", Baggage.GetBaggage("customer.number")); // leak TC1001 direct

        var total = order.Lines.Sum(l => l.Quantity * l.UnitPrice);
        BasketValue.Record((double)total, new KeyValuePair<string, object?>("customer.tier", customerTier), new("warehouse", order.Warehouse)); // clean precision-names
        if (order.DeliveryInstructions is { Length: > 0 } instructions && total > 1500m)
        {
            span.SetFulfilStage("held").SetFulfilOutcome("held:high-value"); // clean generated-api
            span.Activity?.AddFulfilOrderHeldEvent(order.OrderId, "high-value", fulfilNote: instructions); // leak TC1001 generated-api
            logger.LogFulfilOrderHeldEvent(order.OrderId, "high-value", fulfilNote: $"{order.Lines.Count} lines, {total:0} GBP"); // clean generated-api
            return;
        }

        await carrier.BookAsync(order, ct);
        _dispatched.Add(1, "booked", order.Carrier); // clean generated-api
    }
}

/// <summary>The carrier refused the address; its message quotes the postcode.</summary>
public sealed class CarrierAddressException(string postcode) : Exception($"Postcode {postcode} is not served");

/// <summary>Books a label with the carrier; a client span per call, tagged from the booking request.</summary>
public sealed class CarrierClient(HttpClient http, ILogger<CarrierClient> logger)
{
    public async Task BookAsync(Order order, CancellationToken ct)
    {
        using var activity = StartBooking(order); // leak TC1001 cross-member
        var span = new FulfilOrderDispatchSpan(activity);
        try
        {
            using var response = await http.PostAsync($"labels?service={order.Carrier}", new StringContent(JsonSerializer.Serialize(new { order.OrderId, order.DeliveryPostcode })), ct);
            if (response.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity)
            {
                throw new CarrierAddressException(order.DeliveryPostcode);
            }
        }
        catch (CarrierAddressException ex)
        {
            span.RecordException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Carrier {Carrier} refused order {OrderId}: {Error}", order.Carrier, order.OrderId, ex.GetType().Name); // clean exceptions
        }
    }

    private static Activity? StartBooking(Order order)
    {
        var activity = FulfilmentTracing.Dispatch.StartActivity($"book {order.Carrier}", ActivityKind.Client); // clean strings
        activity?.SetTag("carrier.name", order.Carrier);
        activity?.SetTag("shipping.postcode", order.DeliveryPostcode); // leak TC1001 direct
        activity?.SetTag("shipping.parcels", Math.Max(1, order.Lines.Sum(l => l.Quantity) / 10));
        return activity;
    }
}
