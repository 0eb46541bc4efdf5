using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Retail;

public sealed record Cart(Guid CartId, string CustomerId, IReadOnlyList<CartLine> Lines, string Channel, string? PromoCode);

public sealed record CartLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record CheckoutContext(string CustomerId, string CustomerEmail, string CustomerTier, string Channel);

public interface ICustomerDirectory
{
    Task<string> GetEmailAsync(string customerId, CancellationToken cancellationToken);

    Task<string> GetTierAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>Turns a cart into an order; scoped per request.</summary>
public sealed class CheckoutService(ICustomerDirectory customers, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CheckoutService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Checkout");
    private static readonly Meter Meter = new("Shop.Checkout");
    private static readonly Counter<long> Orders = Meter.CreateCounter<long>("shop.orders");
    private static readonly ShopCheckoutsCounter Checkouts = Meter.CreateShopCheckoutsCounter();

    public async Task<Guid> CheckoutAsync(Cart cart, CancellationToken cancellationToken)
    {
        var context = await BuildContextAsync(cart, cancellationToken);
        using var span = Source.StartShopCheckout(pseudonymizer.Pseudonymize(ShopAttributes.CustomerId, context.CustomerId)); // clean precision-pseudonym
        span.SetShopChannel(context.Channel); // clean generated-api
        span.SetShopOrderLineCount(cart.Lines.Count); // clean generated-api
        span.SetShopCheckoutStep(ShopCheckoutStep.Payment); // clean generated-api
        span.SetShopPromoNote(cart.PromoCode ?? "none"); // clean generated-api
        span.SetShopPromoNote($"receipt to {context.CustomerEmail}"); // leak TC1001 generated-api
        span.Activity?.SetTag("shop.customer.tier", context.CustomerTier); // clean precision-names

        var (customerId, email) = Split(context);
        span.Activity?.SetTag("shop.receipt.to", email); // leak TC1001 cross-member
        span.Activity?.SetTag("shop.receipt.domain", email.Split('@').Last()); // clean precision-about

        var guest = context with { CustomerId = "guest", CustomerEmail = "guest@invalid" };
        logger.LogInformation("Checkout context {@Context}", guest); // clean cross-member
        logger.LogInformation("Checkout context {@Context}", context with { Channel = "app" }); // leak TC1001 cross-member

        using (logger.BeginScope(ScopeFor(cart))) // leak TC1001 cross-member
        {
            logger.LogInformation("Placing order with {LineCount} lines", cart.Lines.Count); // clean precision-about
        }

        Orders.Add(1, OrderTags(cart, customerId)); // leak TC1003 cross-member
        Checkouts.Add(1, shopChannel: cart.Channel, shopCheckoutStep: ShopCheckoutStep.Confirmation); // clean generated-api
        Checkouts.Add(1, shopChannel: cart.Channel, shopCheckoutStep: ShopCheckoutStepValue.Custom(customerId)); // leak TC1003 generated-api

        var loyaltyKey = LoyaltyKey(customerId);
        span.Activity?.SetTag("shop.loyalty.key", loyaltyKey); // leak TC1002 hashes
        span.Activity?.SetTag("shop.loyalty.ref", Convert.ToHexString(new HMACSHA256(secrets.PseudonymKey).ComputeHash(Encoding.UTF8.GetBytes(customerId)))); // clean hashes
        return Guid.NewGuid();
    }

    private async Task<CheckoutContext> BuildContextAsync(Cart cart, CancellationToken cancellationToken)
    {
        var email = await customers.GetEmailAsync(cart.CustomerId, cancellationToken);
        var tier = await customers.GetTierAsync(cart.CustomerId, cancellationToken);
        return new CheckoutContext(cart.CustomerId, email, tier, cart.Channel);
    }

    private static (string CustomerId, string Email) Split(CheckoutContext context) => (context.CustomerId, context.CustomerEmail);

    private static Dictionary<string, object?> ScopeFor(Cart cart) => new()
    {
        ["CartId"] = cart.CartId,
        ["CustomerId"] = cart.CustomerId,
    };

    private static KeyValuePair<string, object?>[] OrderTags(Cart cart, string customerId) =>
    [
        new("shop.channel", cart.Channel),
        new("shop.customer", customerId),
    ];

    private static string LoyaltyKey(string customerId)
    {
        using var md5 = MD5.Create();
        return Convert.ToHexString(md5.ComputeHash(Encoding.UTF8.GetBytes(customerId)));
    }

    public async Task TagAbandonedAsync(Activity? activity, Cart cart, CancellationToken cancellationToken)
    {
        var email = await customers.GetEmailAsync(cart.CustomerId, cancellationToken);
        activity?.AddShopCheckoutAbandonedEvent($"reminder queued for {email}"); // leak TC1001 generated-api
        activity?.AddShopCheckoutAbandonedEvent($"reminder queued, {cart.Lines.Count} lines"); // clean generated-api
        activity?.SetTag("shop.abandoned.value", cart.Lines.Sum(l => l.Quantity * l.UnitPrice)); // clean precision-about
    }
}
