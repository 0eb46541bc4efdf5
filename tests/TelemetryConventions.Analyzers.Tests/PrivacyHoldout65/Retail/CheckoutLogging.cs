namespace PrivacyHoldout65.Retail;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed class PlacedOrder
{
    public required string OrderId { get; init; }

    public required string Store { get; init; }

    [PersonalData]
    public required string CustomerNumber { get; init; }

    [PersonalData]
    public string? LoyaltyCardNumber { get; init; }

    [PersonalData]
    public required string Email { get; init; }

    public required string DeliveryPostcode { get; init; }

    public required decimal Total { get; init; }

    public required IReadOnlyList<OrderLine> Lines { get; init; }
}

public sealed class BasketSnapshot
{
    public required string BasketId { get; init; }

    public required string Store { get; init; }

    [PersonalData]
    public required string CustomerNumber { get; init; }

    [LogPropertyIgnore]
    public string? Email { get; init; }

    public required int Items { get; init; }

    public required decimal Subtotal { get; init; }

    public string? VoucherCode { get; init; }
}

/// <summary>The checkout service's log messages (event ids 6100–6149).</summary>
internal static partial class CheckoutLog
{
    [LoggerMessage(EventId = 6101, EventName = "OrderPlaced", Level = LogLevel.Information, Message = "Order placed")]
    public static partial void OrderPlaced(this ILogger logger, [LogProperties] PlacedOrder order);

    [LoggerMessage(EventId = 6102, EventName = "BasketPriced", Level = LogLevel.Information, Message = "Basket priced")]
    public static partial void BasketPriced(this ILogger logger, [LogProperties] BasketSnapshot basket);

    [LoggerMessage(EventId = 6103, EventName = "OrderLines", Level = LogLevel.Debug, Message = "Order {OrderId} lines {Lines}")]
    public static partial void OrderLines(this ILogger logger, string orderId, IReadOnlyList<OrderLine> lines);

    [LoggerMessage(EventId = 6104, EventName = "PaymentFailed", Level = LogLevel.Warning, Message = "Payment for order {OrderId} failed")]
    public static partial void PaymentFailed(this ILogger logger, Exception exception, string orderId);

    [LoggerMessage(EventId = 6105, EventName = "LoyaltyApplied", Level = LogLevel.Information, Message = "Loyalty card {Card} applied to {OrderId}")]
    public static partial void LoyaltyApplied(this ILogger logger, string card, string orderId);

    [LoggerMessage(EventId = 6106, EventName = "ConfirmationSent", Level = LogLevel.Information, Message = "Confirmation for {OrderId} sent to {Email}")]
    public static partial void ConfirmationSent(this ILogger logger, string orderId, [PersonalData] string email);
}

/// <summary>Adds the caller's customer context, set by the storefront's authentication middleware, to every log record.</summary>
public sealed class CustomerLogEnricher(IHttpContextAccessor accessor) : ILogEnricher
{
    public void Enrich(IEnrichmentTagCollector collector)
    {
        var user = accessor.HttpContext?.User;
        if (user is null)
        {
            return;
        }
        collector.Add("customer.tier", user.FindFirst("tier")?.Value ?? "guest"); // clean precision-names
        collector.Add("customer.loyalty_card", user.FindFirst("loyalty_card")?.Value ?? string.Empty); // leak TC1001 direct
        collector.Add("customer.email_domain", user.FindFirst("email")?.Value.Split('@')[^1] ?? string.Empty); // clean precision-about
    }
}
