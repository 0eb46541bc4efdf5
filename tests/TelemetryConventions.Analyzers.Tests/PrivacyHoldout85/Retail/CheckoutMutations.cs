namespace PrivacyHoldout85.Retail;

public sealed record AddressInput(string Line1, string? Line2, string Town, string Postcode);

public sealed record PlaceOrderInput(Guid BasketId, string CustomerNumber, string Email, string Phone, AddressInput Delivery, string? GiftMessage, string PaymentToken);

public sealed record OrderPlaced(Guid OrderId, string OrderNumber, decimal Total, string DeliverySlot);

public sealed class PaymentDeclinedException(string orderNumber, string declineCode) : Exception($"Payment for order {orderNumber} declined ({declineCode}).")
{
    public string DeclineCode { get; } = declineCode;
}

public sealed class DeliveryAddressRejectedException(AddressInput address, string reason)
    : Exception($"Address '{address.Line1}, {address.Town} {address.Postcode}' rejected: {reason}.")
{
    public string Reason { get; } = reason;
}

public interface ICheckout
{
    Task<OrderPlaced> PlaceAsync(PlaceOrderInput input, CancellationToken cancellationToken);
}

[MutationType]
public sealed partial class CheckoutMutations(ICheckout checkout, Pseudonymizer pseudonymizer, ILogger<CheckoutMutations> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.GraphQL");

    [Authorize(Policy = "Customer")]
    [Cost(100)]
    public async Task<OrderPlaced> PlaceOrderAsync(PlaceOrderInput input, IResolverContext context)
    {
        using var span = Source.StartShopgqlOperation(context.Operation.Name).SetShopgqlOperationType("mutation").SetShopgqlCustomerId(pseudonymizer.PseudonymizeShopgqlCustomerId(input.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("shop.basket.id", input.BasketId); // clean precision-about
        span.Activity?.SetTag("shop.delivery.district", input.Delivery.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("shop.delivery.postcode", input.Delivery.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("shop.gift_message.present", input.GiftMessage is not null); // clean precision-about
        span.SetShopgqlNote(input.GiftMessage); // leak TC1001 generated-api
        logger.LogDebug("Delivering to {Address}", input.Delivery); // leak TC1001 logging-objects
        OrderRequested(logger, input.BasketId, input.Email); // clean precision-pseudonym
        logger.LogDebug("Checkout contact {Phone}", input.Phone); // leak TC1001 direct
        try
        {
            var placed = await checkout.PlaceAsync(input, context.RequestAborted);
            span.SetShopgqlOutcome("placed"); // clean precision-about
            logger.LogInformation("Order placed: {Order}", placed); // clean logging-objects
            meter.CreateShopgqlOperationsCounter().Add(1, context.Operation.Name, "placed"); // clean precision-about
            return placed;
        }
        catch (PaymentDeclinedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            meter.CreateShopgqlOperationsCounter().Add(1, context.Operation.Name, "declined", shopgqlErrorCode: ex.DeclineCode); // clean precision-about
            throw new GraphQLException(ErrorBuilder.New().SetMessage("Your payment was declined.").SetCode("PAYMENT_DECLINED").SetExtension("declineCode", ex.DeclineCode).Build());
        }
        catch (DeliveryAddressRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Address rejected ({Reason}) for basket {BasketId}", ex.Reason, input.BasketId); // clean exceptions
            throw new GraphQLException(ErrorBuilder.New().SetMessage(ex.Message).SetCode(ErrorCodes.Invalid).SetException(ex).Build());
        }
        catch (Exception ex) when (ex is not GraphQLException)
        {
            logger.LogError(ex, "Checkout failed for {Email}", input.Email); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent("shop.checkout.failed", tags: new ActivityTagsCollection { ["delivery"] = $"{input.Delivery.Line1}, {input.Delivery.Postcode}" })); // leak TC1001 strings
            throw;
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Order requested for basket {BasketId} by {Email}")]
    private static partial void OrderRequested(ILogger logger, Guid basketId, [PrivateData] string email);
}

/// <summary>The shop's error filter: GraphQL exceptions keep their message; the rest are logged and hidden.</summary>
public sealed class ShopErrorFilter(ILogger<ShopErrorFilter> logger) : IErrorFilter
{
    public IError OnError(IError error)
    {
        if (error.Exception is GraphQLException graphQL)
        {
            logger.LogInformation("GraphQL error {Code}: {Message}", error.Code, graphQL.Message); // leak TC1001 exceptions
            logger.LogInformation("GraphQL error {Code} at {Path}", error.Code, error.Path); // clean precision-about
            return error.RemoveException();
        }

        if (error.Exception is { } ex)
        {
            logger.LogError("Unhandled {ExceptionType} at {Path}", ex.GetType().Name, error.Path); // clean exceptions
            return ErrorBuilder.New().SetMessage("Something went wrong").SetCode(ErrorCodes.Unexpected).SetPath(error.Path).Build();
        }

        return error;
    }
}
