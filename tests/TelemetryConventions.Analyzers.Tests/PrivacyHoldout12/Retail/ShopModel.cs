using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Retail;

public sealed class Customer : ISoftDeletable
{
    /// <summary>The key: the customer number printed on receipts.</summary>
    public required string CustomerNumber { get; set; }

    public required string Email { get; set; }

    public string? Phone { get; set; }

    public required string LoyaltyCardNumber { get; set; }

    public string Tier { get; set; } = "standard";

    public bool MarketingOptIn { get; set; }

    public bool IsBlocked { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class Order : AggregateRoot
{
    public Guid Id { get; set; }

    public required string CustomerNumber { get; set; }

    public decimal Total { get; set; }

    public string Currency { get; set; } = "EUR";

    public string Status { get; set; } = "Placed";

    public string? PromoCode { get; set; }

    public void Place() => Raise(new OrderPlaced(Id, CustomerNumber, Total, Currency));
}

public sealed record OrderPlaced(Guid OrderId, string CustomerNumber, decimal Total, string Currency) : DomainEvent;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record PlaceOrderCommand(string CustomerNumber, string Email, IReadOnlyList<OrderLine> Lines, string? PromoCode);

/// <summary>The shop's context, on PostgreSQL with the Npgsql defaults (error details redacted).</summary>
public sealed class ShopDbContext : DbContext
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();
}

public static class OrderErrors
{
    public static Error CustomerNotFound(string customerNumber) =>
        Error.NotFound("order.customer_not_found", $"Customer {customerNumber} was not found");

    public static Error CustomerBlocked(string email) =>
        Error.Conflict("order.customer_blocked", $"Orders from {email} are blocked");

    public static Error PromoExpired(string promoCode) =>
        Error.Validation("order.promo_expired", $"Promo code {promoCode} has expired");

    public static readonly Error EmptyBasket = Error.Validation("order.empty", "The basket is empty");
}
