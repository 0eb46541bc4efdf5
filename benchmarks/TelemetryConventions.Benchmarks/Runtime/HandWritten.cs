using System.Security.Cryptography;
using System.Text;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>
/// What a careful engineer writes without the generator: attribute names as constants, an enum of their own
/// with an allocation-free switch to its wire text, and keyed pseudonyms computed through the runtime
/// library's <see cref="Pseudonymizer.Compute(string, string)"/> only once a span is known to record.
/// </summary>
public static class HandWritten
{
    public const string LookupSpan = "shop.lookup";
    public const string CheckoutSpan = "shop.checkout";
    public const string PaymentAuthorizedEvent = "shop.payment.authorized";

    public const string CustomerId = "shop.customer.id";
    public const string Region = "shop.region";
    public const string BasketItems = "shop.basket.items";
    public const string PaymentMethodName = "shop.payment.method";
    public const string Express = "shop.express";
    public const string LoyaltyTier = "shop.loyalty.tier";
    public const string Channel = "shop.channel";
    public const string PaymentAmount = "shop.payment.amount";
    public const string Device = "shop.device";
    public const string Returning = "shop.returning";

    // Boxes made once, for the TagListBoxedOnce variants: what a careful engineer does to match the
    // generated code's static boxes.
    public static readonly object BoxedTrue = true;
    public static readonly object BoxedFalse = false;
    public static readonly object BoxedLoyaltyTier = ShopData.LoyaltyTier;
    public static readonly object BoxedBasketItems = ShopData.BasketItems;

    public enum PaymentMethod
    {
        Card,
        Cash,
        Voucher,
    }

    /// <summary>The wire text of a payment method without <c>Enum.ToString</c>, which allocates.</summary>
    public static string ToWire(PaymentMethod method) => method switch
    {
        PaymentMethod.Card => "card",
        PaymentMethod.Cash => "cash",
        PaymentMethod.Voucher => "voucher",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}

/// <summary>
/// The style this toolkit replaces: attribute names as string literals at every call, and the identifier
/// hashed with unkeyed SHA-256 (lower-case hex) up front, before anyone knows whether the span records.
/// </summary>
public static class SeedStyle
{
    public static string HashId(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
