using System;
using System.Collections.Generic;

namespace PrivacyHoldout27.Retail;

/// <summary>
/// The retailer (tenant: the commerce platform runs several retailers' shops) and the signed-in
/// customer. Registered as a scoped service and filled by the session middleware.
/// </summary>
public sealed class ShopperContext
{
    public string RetailerId { get; set; } = string.Empty;

    public string CustomerNumber { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string LoyaltyNumber { get; set; } = string.Empty;

    public string CustomerTier { get; set; } = "standard";

    /// <summary>The customer's pseudonym, computed with the generated helper.</summary>
    public string CustomerRef { get; set; } = string.Empty;
}

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Basket(Guid BasketId, IReadOnlyList<BasketLine> Lines);

public sealed record PlacedOrder(string OrderNumber, decimal Total, string Currency);

/// <summary>Written to the checkout listener when the acquirer declines; the customer is given as a pseudonym.</summary>
public sealed record PaymentDeclined(Guid BasketId, string DeclineCode, string CustomerRef);

public sealed class LoyaltyRedemptionException(string loyaltyNumber, int points)
    : Exception($"Card {loyaltyNumber} does not hold {points} points");
