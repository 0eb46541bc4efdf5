using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyCorpus.Shared;
using PrivacyHoldout8.Support;
using PrivacyHoldout8.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout8.Retail;

public sealed class Customer
{
    public required string CustomerId { get; init; }

    public required string Email { get; init; }

    public string? LoyaltyCardNumber { get; init; }

    public string Tier { get; init; } = "standard";
}

public sealed class ShopDbContext : DbContext
{
    public DbSet<Customer> Customers { get; } = new(Array.Empty<Customer>());
}

/// <summary>Resolves the tenant from the host and tags the request with it.</summary>
public sealed class HostTenantResolver(ITenantResolver resolver, ILogger<HostTenantResolver> logger)
{
    public async Task<TenantInfo?> ResolveAsync(string host)
    {
        var tenant = await resolver.ResolveAsync(host);
        Activity.Current?.SetTag("tenant.id", tenant?.Identifier); // clean precision-names
        Activity.Current?.SetTag("tenant.region", tenant?.Region); // clean direct
        if (tenant is null)
        {
            logger.LogWarning("No tenant for host {Host}", host); // clean direct
        }
        return tenant;
    }
}

public sealed record AuditEntry(string Actor, string Action, string Subject, DateTimeOffset At);

/// <summary>Writes the audit trail to its own store and counts what it wrote.</summary>
public sealed class AuditWriter(ILogger<AuditWriter> logger)
{
    private static readonly Meter Meter = new("PrivacyHoldout8.Retail.Audit");
    private static readonly Counter<long> Written = Meter.CreateCounter<long>("audit.entries");
    private readonly List<AuditEntry> _store = new();

    public void Write(string actorEmail, string action, string customerId)
    {
        var entry = new AuditEntry(actorEmail, action, customerId, DateTimeOffset.UtcNow);
        _store.Add(entry);
        Written.Add(1, new KeyValuePair<string, object?>("audit.action", action)); // clean direct
        logger.LogDebug("Audit entry written: {Entry}", entry); // leak TC1001 logging-objects
        logger.LogDebug("Audit entry written for {Action} at {At:O}", entry.Action, entry.At); // clean logging-objects
    }
}

[ApiController]
[Route("checkout")]
public sealed class CheckoutController(ShopDbContext db, ILogger<CheckoutController> logger, Pseudonymizer pseudonymizer, AuditWriter audit) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Retail");
    private static readonly Meter Meter = new("PrivacyHoldout8.Retail");

    [HttpPost("{orderId}")]
    public async Task<ActionResult> Checkout(string orderId, string email, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Email == email, cancellationToken);
        if (customer is null)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"unknown customer {email}"); // leak TC1001 strings
            return NotFound();
        }

        var shopper = pseudonymizer.Pseudonymize(TelemetryPseudonyms.BasketShopperIdDomain, customer.CustomerId);
        using var checkout = Source.StartBasketCheckout(shopper); // clean generated-api
        checkout.SetBasketCheckoutId(orderId).SetBasketItemCount(3); // clean generated-api
        checkout.SetBasketNote(customer.Tier); // clean precision-names
        checkout.SetBasketNote(customer.LoyaltyCardNumber ?? "none"); // leak TC1001 generated-api
        Meter.CreateBasketCheckoutsCounter().Add(1, basketSite: customer.Tier); // clean generated-api

        var cardSuffix = customer.LoyaltyCardNumber is { Length: > 4 } card ? card[^4..] : null;
        checkout.Activity?.SetTag("loyalty.card.last4", cardSuffix); // clean precision-about
        checkout.Activity?.SetTag("loyalty.card.hash", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(customer.LoyaltyCardNumber ?? "")))); // leak TC1002 hashes
        checkout.Activity?.SetTag("customer.bucket", HashCode.Combine(customer.CustomerId) & 0xF); // leak TC1002 hashes

        audit.Write(User(), "checkout", customer.CustomerId);
        var count = await db.Customers.CountAsync(c => c.Tier == customer.Tier, cancellationToken);
        logger.LogInformation("Checkout {Order} for a {Tier} customer ({Peers} peers)", orderId, customer.Tier, count); // clean precision-about
        LogCheckout(logger, orderId, customer.CustomerId); // leak TC1001 strings
        return Ok();
    }

    private string User() => HttpContext.User.Email ?? "anonymous";

    private static void LogCheckout(ILogger logger, string orderId, string customerId)
    {
        logger.LogInformation(FormatCheckout(orderId, customerId));
    }

    private static string FormatCheckout(string orderId, string customerId) =>
        string.Format(CultureInfo.InvariantCulture, "checkout {0} by {1}", orderId, customerId);
}

public static partial class CheckoutLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Basket abandoned by {CustomerEmail} after {Minutes} minutes")]
    public static partial void BasketAbandoned(ILogger logger, [PrivateData] string customerEmail, int minutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Basket abandoned by customer {CustomerId}")]
    public static partial void BasketAbandonedBy(ILogger logger, string customerId);

    public static void Abandoned(ILogger logger, Customer customer, int minutes)
    {
        BasketAbandoned(logger, customer.Email, minutes); // clean logging-objects
        BasketAbandonedBy(logger, customer.CustomerId); // leak TC1001 logging-objects
    }
}

/// <summary>Sends the receipt; the request log keeps enough for support to find the order.</summary>
public sealed class ReceiptSender(ILogger<ReceiptSender> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Retail.Receipts");

    public void Send(string orderId, Customer customer, IReadOnlyDictionary<string, string> properties)
    {
        using var activity = Source.StartActivity("receipt.send");
        activity?.SetTag("order.id", orderId); // clean direct
        activity?.SetTag("receipt.recipient", customer.Email); // leak TC1001 direct
        activity?.SetTag("receipt.properties", properties.Count); // clean precision-about
        logger.LogInformation("Receipt for {Order} sent to {@Customer}", orderId, customer); // leak TC1001 logging-objects
        logger.LogInformation("Receipt for {Order} sent to {CustomerEmailTemplate}", orderId, properties["template"]); // clean precision-names
        // The shop's support mailbox for this storefront, not the customer's address.
        if (properties.TryGetValue("reply-to", out var replyTo))
        {
            activity?.SetTag("receipt.reply_to", replyTo); // clean direct
        }
    }
}
