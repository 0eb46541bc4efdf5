using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Segment;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Retail;

public sealed record Customer(string CustomerId, string Email, string FirstName, string LoyaltyTier);

public sealed record OrderLine(string Sku, int Quantity, decimal Price);

public sealed record Order(string OrderId, decimal Total, string? Coupon, IReadOnlyList<OrderLine> Lines);

/// <summary>Wraps the Segment client so that each tracked call also shows on the request's trace.</summary>
public sealed class TracedAnalytics(IAnalytics inner, ILogger<TracedAnalytics> logger, Meter meter)
{
    public void Track(string userId, string eventName, IDictionary<string, object?> properties)
    {
        inner.Track(userId, eventName, properties);
        Activity.Current?.AddEvent(new ActivityEvent("analytics.track", tags: new ActivityTagsCollection { ["event"] = eventName, ["user_id"] = userId })); // leak TC1001 direct
        meter.CreateAnalyticsEventsCounter().Add(1, eventName); // clean generated-api
    }

    public void Identify(string userId, IDictionary<string, object?> traits)
    {
        inner.Identify(userId, traits);
        logger.LogDebug("Identify with {TraitCount} traits ({TraitNames})", traits.Count, string.Join(",", traits.Keys)); // clean precision-names
    }
}

/// <summary>Sends the checkout's analytics events.</summary>
public sealed class OrderAnalytics(TracedAnalytics analytics, Pseudonymizer pseudonymizer, ILogger<OrderAnalytics> logger)
{
    public void OnOrderCompleted(Order order, Customer customer)
    {
        var properties = new Dictionary<string, object?>
        {
            ["order_id"] = order.OrderId,
            ["revenue"] = order.Total,
            ["currency"] = "GBP",
            ["coupon"] = order.Coupon,
            ["products"] = order.Lines.Select(l => l.Sku).ToArray(),
        };
        analytics.Track(customer.CustomerId, "Order Completed", properties); // leak TC1001 cross-member
        analytics.Identify(customer.CustomerId, new Dictionary<string, object?> { ["email"] = customer.Email, ["first_name"] = customer.FirstName, ["tier"] = customer.LoyaltyTier }); // clean cross-member
        logger.LogInformation("Order {OrderId} tracked for {CustomerRef} ({Tier})", order.OrderId, pseudonymizer.ComputeAnalyticsUserId(customer.CustomerId), customer.LoyaltyTier); // clean precision-pseudonym
        logger.LogDebug("Order completed: {Customer}", customer); // leak TC1001 logging-objects
    }

    public void OnCouponRejected(Customer customer, string coupon, string reason)
    {
        analytics.Track(customer.CustomerId, "Coupon Denied", new Dictionary<string, object?> { ["coupon"] = coupon, ["reason"] = reason }); // leak TC1001 cross-member
        Activity.Current?.SetTag("coupon.rejected_for", customer.Email); // leak TC1001 cross-member
        Activity.Current?.SetTag("coupon.customer_tier", customer.LoyaltyTier); // clean precision-names
    }
}
