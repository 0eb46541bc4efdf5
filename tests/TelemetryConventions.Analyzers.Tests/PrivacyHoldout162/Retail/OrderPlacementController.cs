namespace PrivacyHoldout162.Retail;

[ApiController]
[Route("api/orders")]
public sealed class OrderPlacementController(
    ICustomerDirectory customers,
    IOrderStore orders,
    IMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<OrderPlacementController> logger) : ControllerBase
{
    private static readonly Counter<long> OrdersPlaced = new Meter("Takeaway.Orders").CreateCounter<long>("takeaway.orders.placed");

    [HttpPost("")]
    public async Task<ActionResult> PlaceAsync([FromBody] TakeawayOrder order, CancellationToken cancellationToken)
    {
        using var span = source.StartTakeawayOperation(order.RestaurantId);
        span.SetTakeawayItemCount(order.Items); // clean precision-about
        span.SetTakeawayCustomerId(pseudonymizer.PseudonymizeTakeawayCustomerId(order.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("order.id", order.OrderId); // clean precision-names
        Activity.Current?.SetTag("order.customer", order.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("order.delivery.district", District(order.DeliveryPostcode)); // clean precision-about
        Activity.Current?.SetTag("order.delivery.postcode", order.DeliveryPostcode); // leak TC1001 direct
        Activity.Current?.SetTag("order.has_allergy_note", order.AllergyNote is not null); // clean precision-about

        var customer = await customers.FindAsync(order.CustomerNumber, cancellationToken);
        if (customer is null)
        {
            var missing = new CustomerNotFoundException(order.CustomerNumber);
            span.RecordException(missing); // clean exceptions
            logger.LogWarning(missing, "Order {OrderId} refused", order.OrderId); // leak TC1001 exceptions
            return new NotFoundResult("customer");
        }

        logger.LogInformation("Order {OrderId} for {CustomerEmail} at {RestaurantId}", order.OrderId, customer.Email, order.RestaurantId); // leak TC1001 direct
        logger.LogInformation("Order {OrderId} from a {Tier} customer, {Items} items", order.OrderId, customer.LoyaltyTier, order.Items); // clean precision-names
        logger.LogDebug("Customer email domain {Domain}", customer.Email[(customer.Email.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Order placed {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Kitchen ticket {@Ticket}", new OrderSummary(order.OrderId, order.RestaurantId, order.Items, order.Total, "placed")); // clean logging-objects

        await orders.SaveAsync(order, cancellationToken);
        await messenger.TextAsync(customer.Phone, $"Thanks {customer.FirstName}, your order {order.OrderId} is in.", cancellationToken);

        OrdersPlaced.Add(1, new KeyValuePair<string, object?>("restaurant.id", order.RestaurantId)); // clean precision-names
        OrdersPlaced.Add(1, new KeyValuePair<string, object?>("customer.number", order.CustomerNumber)); // leak TC1003 direct
        meter.CreateTakeawayOrdersCounter().Add(1, order.RestaurantId, "accepted"); // clean generated-api
        span.SetTakeawayNote($"Order of {order.Items} items, total {order.Total:C}"); // clean generated-api
        span.SetTakeawayNote($"Deliver to {order.DeliveryAddress}"); // leak TC1001 generated-api
        return new OkResult(order.OrderId);
    }

    private static string District(string postcode) => postcode.Split(' ')[0];
}
