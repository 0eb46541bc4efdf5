namespace PrivacyHoldout64.Retail;

public sealed record Customer(string CustomerNumber, string Email, string? LoyaltyCardNumber, string Tier);

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Basket(Guid BasketId, Customer Customer, IReadOnlyList<BasketLine> Lines, string DeliveryPostcode, string Store);

public sealed record PlacedOrder(string OrderId, Guid BasketId, decimal Total, string PaymentMethod);

/// <summary>Why a checkout failed, as values. The code is for dashboards.</summary>
public abstract record CheckoutError(string Code)
{
    public sealed record OutOfStock(string Sku, int Requested, int Available) : CheckoutError("stock");

    public sealed record Undeliverable(string Postcode) : CheckoutError("postcode");

    public sealed record PaymentDeclined(string DeclineCode, string CardLast4) : CheckoutError("payment");

    public sealed record CustomerBlocked(string CustomerNumber, string Reason) : CheckoutError("blocked");
}

public interface IStock
{
    int Available(string sku, string store);
}

public interface IDelivery
{
    Task<bool> CanDeliverAsync(string postcode, CancellationToken cancellationToken);
}

public interface IPayments
{
    Task<Result<PlacedOrder, CheckoutError>> ChargeAsync(Basket basket, CancellationToken cancellationToken);
}

public interface IBlocklist
{
    Option<string> ReasonFor(string customerNumber);
}

/// <summary>Blocklist, stock, delivery, payment: the checkout as one railway.</summary>
public sealed class CheckoutPipeline(
    IStock stock,
    IDelivery delivery,
    IPayments payments,
    IBlocklist blocklist,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CheckoutPipeline> logger)
{
    private readonly Histogram<double> _basketValue = meter.CreateHistogram<double>("checkout.basket.value", "GBP");

    public async Task<Result<PlacedOrder, CheckoutError>> PlaceAsync(Basket basket, CancellationToken cancellationToken)
    {
        using var span = source.StartCheckoutPlace(basket.Store, spanName: $"checkout {basket.BasketId:N}"); // clean generated-api
        span.SetCheckoutCustomerId(pseudonymizer.PseudonymizeCheckoutCustomerId(basket.Customer.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("checkout.summary", string.Join(" | ", basket.Store, basket.Customer.Email, basket.Lines.Count)); // leak TC1001 strings
        Activity.Current?.SetTag("checkout.lines", string.Join(",", basket.Lines.Select(l => $"{l.Sku}x{l.Quantity}"))); // clean strings
        var district = basket.DeliveryPostcode.Split(' ') is [var outward, _] ? outward : basket.DeliveryPostcode[..^3].Trim();
        _basketValue.Record((double)basket.Lines.Sum(l => l.Quantity * l.UnitPrice), new KeyValuePair<string, object?>("district", district), new KeyValuePair<string, object?>("tier", basket.Customer.Tier)); // clean precision-about
        _basketValue.Record((double)basket.Lines.Sum(l => l.Quantity * l.UnitPrice), new KeyValuePair<string, object?>("postcode", basket.DeliveryPostcode)); // leak TC1003 direct

        var result = await Result<Basket, CheckoutError>.Ok(basket)
            .Bind(b => blocklist.ReasonFor(b.Customer.CustomerNumber).Match<Result<Basket, CheckoutError>>(reason => new CheckoutError.CustomerBlocked(b.Customer.CustomerNumber, reason), () => b))
            .Bind(CheckStock)
            .BindAsync(async b => await delivery.CanDeliverAsync(b.DeliveryPostcode, cancellationToken)
                ? Result<Basket, CheckoutError>.Ok(b)
                : new CheckoutError.Undeliverable(b.DeliveryPostcode))
            .BindAsync(b => payments.ChargeAsync(b, cancellationToken))
            .Tap(order => span.SetCheckoutOrderId(order.OrderId)) // clean generated-api
            .Tap(order => logger.LogInformation("Order {OrderId} placed: {Total} by {Method}", order.OrderId, order.Total, order.PaymentMethod)) // clean direct
            .OnFailure(error => logger.LogCheckoutFailedEvent(basket.Store, $"failed:{error.Code}", pseudonymizer.PseudonymizeCheckoutCustomerId(basket.Customer.CustomerNumber), Explain(error))) // leak TC1001 generated-api
            .OnFailure(error =>
            {
                if (error is CheckoutError.CustomerBlocked { CustomerNumber: var blocked, Reason: var reason })
                {
                    logger.LogWarning("Blocked customer {Customer} tried to check out ({Reason})", blocked, reason); // leak TC1001 direct
                }
            })
            .OnFailure(error =>
            {
                if (error is CheckoutError.PaymentDeclined(var declineCode, var last4))
                {
                    span.SetCheckoutNote($"declined {declineCode} on card ending {last4}"); // clean precision-about
                }
            });

        meter.CreateCheckoutOrdersCounter().Add(1, basket.Store, CheckoutPaymentMethod.Card, result.Match(_ => "placed", e => $"failed:{e.Code}")); // clean generated-api
        span.SetCheckoutOutcome(result.Match(o => $"placed:{o.OrderId}", Explain)); // leak TC1001 cross-member
        return result;
    }

    private Result<Basket, CheckoutError> CheckStock(Basket basket)
    {
        foreach (var line in basket.Lines)
        {
            var available = stock.Available(line.Sku, basket.Store);
            if (available < line.Quantity)
            {
                return new CheckoutError.OutOfStock(line.Sku, line.Quantity, available);
            }
        }
        return basket;
    }

    /// <summary>The text the e-commerce team sees.</summary>
    private static string Explain(CheckoutError error) => error switch
    {
        CheckoutError.OutOfStock(var sku, var requested, var available) => $"{sku}: {requested} requested, {available} in stock",
        CheckoutError.Undeliverable(var postcode) => $"no delivery to {postcode}",
        CheckoutError.PaymentDeclined(var code, var last4) => $"declined {code} (card ending {last4})",
        CheckoutError.CustomerBlocked { Reason: var reason } => $"blocked: {reason}",
        _ => error.Code,
    };
}
