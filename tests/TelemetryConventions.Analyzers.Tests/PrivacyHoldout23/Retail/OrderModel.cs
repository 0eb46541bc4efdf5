using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Retail;

public readonly record struct CustomerId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct OrderId(Guid Value)
{
    public static OrderId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct Sku(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct Money(decimal Amount, string Currency)
{
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, left.Currency);

    public override string ToString() => $"{Amount:0.00} {Currency}";
}

/// <summary>A loyalty card number: 12 digits, the last a Luhn check digit.</summary>
public sealed record LoyaltyNumber
{
    private LoyaltyNumber(string value) => Value = value;

    public string Value { get; }

    public string Last4 => Value[^4..];

    public static bool TryParse(string? text, [NotNullWhen(true)] out LoyaltyNumber? loyaltyNumber)
    {
        var digits = text?.Replace(" ", string.Empty, StringComparison.Ordinal);
        loyaltyNumber = digits is { Length: 12 } && digits.All(char.IsAsciiDigit) ? new LoyaltyNumber(digits) : null;
        return loyaltyNumber is not null;
    }

    public override string ToString() => Value;
}

/// <summary>A phone number in E.164 form.</summary>
public sealed record PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The country calling code with its plus sign, e.g. <c>+44</c>.</summary>
    public string CountryPrefix => Value[..3];

    public static Result<PhoneNumber> Create(string? raw)
    {
        var compact = new string((raw ?? string.Empty).Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (!compact.StartsWith('+') || compact.Length is < 8 or > 16)
        {
            return Error.Validation("Customer.PhoneInvalid", $"{raw} is not a valid phone number.");
        }

        return new PhoneNumber(compact);
    }

    public override string ToString() => Value;
}

public sealed record OrderLine(Sku Sku, int Quantity, Money UnitPrice)
{
    public Money Total => new(UnitPrice.Amount * Quantity, UnitPrice.Currency);
}

public sealed record OrderPlaced(OrderId OrderId, CustomerId Customer, Money Total, int LineCount) : DomainEvent;

public sealed record OrderShipped(OrderId OrderId, CustomerId Customer, string Carrier) : DomainEvent;

public sealed class Order : AggregateRoot<OrderId>
{
    private readonly List<OrderLine> _lines;

    private Order(OrderId id, CustomerId customer, List<OrderLine> lines, LoyaltyNumber? loyalty)
        : base(id)
    {
        Customer = customer;
        _lines = lines;
        Loyalty = loyalty;
    }

    public CustomerId Customer { get; }

    public LoyaltyNumber? Loyalty { get; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public Money Total => _lines.Select(l => l.Total).Aggregate((a, b) => a + b);

    public static Result<Order> Place(CustomerId customer, IEnumerable<OrderLine> lines, LoyaltyNumber? loyalty)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return RetailErrors.EmptyOrder;
        }

        if (list.FirstOrDefault(l => l.Quantity <= 0) is { } bad)
        {
            return RetailErrors.InvalidQuantity(bad.Sku);
        }

        var order = new Order(OrderId.New(), customer, list, loyalty);
        order.Raise(new OrderPlaced(order.Id, customer, order.Total, list.Count));
        return order;
    }

    public void Ship(string carrier) => Raise(new OrderShipped(Id, Customer, carrier));

    public override string ToString() => $"Order {Id} ({_lines.Count} lines, {Total})";
}

public sealed class Customer : AggregateRoot<CustomerId>
{
    public Customer(CustomerId id, string email, PhoneNumber? phone)
        : base(id)
    {
        Email = email;
        Phone = phone;
    }

    public string Email { get; private set; }

    public PhoneNumber? Phone { get; private set; }

    public void ChangePhone(PhoneNumber phone) => Phone = phone;

    public override string ToString() => $"Customer {Id} <{Email}>";
}

public static class RetailErrors
{
    public static readonly Error EmptyOrder = Error.Validation("Order.Empty", "An order needs at least one line.");

    public static readonly Error CustomerNotFound = Error.NotFound("Customer.NotFound", "The customer does not exist.");

    public static Error InvalidQuantity(Sku sku) => Error.Validation("Order.InvalidQuantity", $"The quantity of {sku} must be positive.");
}
