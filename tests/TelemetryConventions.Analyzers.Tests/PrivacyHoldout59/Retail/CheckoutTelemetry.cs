using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using TelemetryConventions;
using PrivacyHoldout59.Telemetry;

namespace PrivacyHoldout59.Retail;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record CheckoutOrder(
    string OrderId,
    string BasketId,
    string Brand,
    string Store,
    string CustomerNumber,
    string CustomerEmail,
    string? LoyaltyCardNumber,
    string DeliveryPostcode,
    string PaymentMethod,
    string CardLastFour,
    string? VoucherCode,
    string CustomerTier,
    IReadOnlyList<OrderLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

public sealed class CheckoutTelemetryOptions
{
    public const string Section = "Telemetry:Checkout";

    /// <summary>Names from <see cref="OrderFields.All"/> put on the checkout span.</summary>
    public List<string> IncludeFields { get; set; } = ["order.id", "store", "total", "lines", "tier"];

    /// <summary>Names of the <see cref="ICheckoutEnricher"/>s to run, in order.</summary>
    public List<string> Enrichers { get; set; } = ["basket", "payment", "loyalty"];

    /// <summary>Per-brand extra fields, for the brands' own dashboards.</summary>
    public Dictionary<string, List<string>> BrandFields { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["homeware"] = ["voucher", "delivery.district"],
        ["outdoor"] = ["loyalty.card", "customer.email"],
    };

    public bool LogOrderSummary { get; set; } = true;
}

public static class OrderFields
{
    public static readonly IReadOnlyDictionary<string, Func<CheckoutOrder, object?>> All =
        new Dictionary<string, Func<CheckoutOrder, object?>>(StringComparer.OrdinalIgnoreCase)
        {
            ["order.id"] = o => o.OrderId,
            ["basket.id"] = o => o.BasketId,
            ["store"] = o => o.Store,
            ["total"] = o => (double)o.Total,
            ["lines"] = o => o.Lines.Count,
            ["tier"] = o => o.CustomerTier,
            ["payment.method"] = o => o.PaymentMethod,
            ["card.last4"] = o => o.CardLastFour,
            ["voucher"] = o => o.VoucherCode,
            ["delivery.district"] = o => o.DeliveryPostcode.Split(' ')[0],
            ["customer.number"] = o => o.CustomerNumber,
            ["customer.email"] = o => o.CustomerEmail,
            ["loyalty.card"] = o => o.LoyaltyCardNumber,
        };

    /// <summary>Fields the brands may see on the shared dashboards: no customer in here.</summary>
    public static readonly IReadOnlySet<string> BrandSafe = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "order.id", "store", "total", "lines", "tier", "payment.method", "card.last4", "voucher", "delivery.district",
    };
}

public sealed record CheckoutContext(CheckoutOrder Order, Pseudonym Customer, string Channel);

/// <summary>One piece of checkout telemetry; which ones run is configuration.</summary>
public interface ICheckoutEnricher
{
    string Name { get; }

    void Enrich(Activity activity, CheckoutContext context);
}

public sealed class BasketEnricher : ICheckoutEnricher
{
    public string Name => "basket";

    public void Enrich(Activity activity, CheckoutContext context)
    {
        activity.SetTag("till.basket.id", context.Order.BasketId); // clean direct
        activity.SetTag("till.basket.skus", string.Join(",", context.Order.Lines.Select(l => l.Sku))); // clean strings
        activity.SetTag("till.basket.customer_tier", context.Order.CustomerTier); // clean precision-names
    }
}

public sealed class PaymentEnricher : ICheckoutEnricher
{
    public string Name => "payment";

    public void Enrich(Activity activity, CheckoutContext context)
    {
        activity.SetTag("till.payment.method", context.Order.PaymentMethod); // clean precision-about
        activity.SetTag("till.payment.card_last4", context.Order.CardLastFour); // clean precision-about
    }
}

public sealed class LoyaltyEnricher : ICheckoutEnricher
{
    public string Name => "loyalty";

    public void Enrich(Activity activity, CheckoutContext context)
    {
        activity.SetTag("till.customer.ref", context.Customer.Value); // clean precision-pseudonym
        if (context.Order.LoyaltyCardNumber is { } card)
        {
            activity.SetTag("till.loyalty.card", card); // leak TC1001 direct
            activity.SetTag("till.loyalty.present", true); // clean precision-about
        }
    }
}
