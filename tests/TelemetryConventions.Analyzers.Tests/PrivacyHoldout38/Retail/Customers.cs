namespace PrivacyHoldout38.Retail;

public sealed record Customer
{
    public required string CustomerNumber { get; init; }

    public required string Email { get; init => field = value.Trim().ToLowerInvariant(); }

    public string? LoyaltyCard { get; init; }

    public string Tier { get; init; } = "standard";
}

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Basket(string BasketId, string StoreId, IReadOnlyList<BasketLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

public sealed record Order(string OrderId, string CustomerNumber, string CustomerEmail, decimal Total, string StoreId);

public sealed class LoyaltyCardBlockedException(string loyaltyCard)
    : Exception($"Loyalty card {loyaltyCard} is blocked");

public sealed class PaymentDeclinedException(string declineCode)
    : Exception($"Payment declined ({declineCode})");

/// <summary>The shop team's helpers, as C# 14 extension blocks.</summary>
public static class CustomerExtensions
{
    extension(Customer customer)
    {
        public string EmailDomain => customer.Email[(customer.Email.IndexOf('@') + 1)..];

        public string? LoyaltyLast4 => customer.LoyaltyCard is { Length: >= 4 } card ? card[^4..] : null;

        public bool IsMember => customer.LoyaltyCard is not null;
    }

    extension(Basket basket)
    {
        public int Items => basket.Lines.Sum(l => l.Quantity);
    }
}

/// <summary>Collects checkout tags on the stack, then applies them to the span in one go.</summary>
public ref struct CheckoutTags
{
    private TagList _tags;

    public CheckoutTags Store(string storeId)
    {
        _tags.Add("shop.store", storeId);
        return this;
    }

    public CheckoutTags Basket(Basket basket)
    {
        _tags.Add("shop.basket.items", basket.Items);
        _tags.Add("shop.basket.total", basket.Total);
        return this;
    }

    public CheckoutTags Customer(Customer customer)
    {
        _tags.Add("shop.customer", customer.CustomerNumber);
        return this;
    }

    public readonly void ApplyTo(Activity? activity)
    {
        foreach (var tag in _tags)
        {
            activity?.SetTag(tag.Key, tag.Value);
        }
    }
}
