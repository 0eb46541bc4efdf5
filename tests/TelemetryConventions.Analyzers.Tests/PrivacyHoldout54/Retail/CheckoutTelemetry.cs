using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Retail;

/// <summary>A customer's email, normalised.</summary>
public sealed class Email
{
    public Email(string value) => Value = value.Trim().ToLowerInvariant();

    public string Value { get; }

    public string Domain => Value[(Value.IndexOf('@') + 1)..];

    public override string ToString() => Value;
}

public sealed record OrderLine(string Sku, int Quantity, decimal Price);

public sealed class OrderDto
{
    public string OrderId { get; init; } = "";

    public string CustomerNumber { get; init; } = "";

    public Email Email { get; init; } = new("");

    public string? Phone { get; init; }

    public string StoreCode { get; init; } = "";

    public string DeliveryPostcode { get; init; } = "";

    public IReadOnlyList<OrderLine> Lines { get; init; } = [];

    public decimal Total { get; init; }

    public string Currency { get; init; } = "GBP";
}

public sealed record OrderPlaced(string OrderId, string CustomerNumber, string StoreCode, decimal Total, string Currency, int Lines);

public static class OrderJson
{
    private static readonly HashSet<string> PersonalProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "customerNumber", "email", "phone", "deliveryPostcode",
    };

    /// <summary>Options for payloads written to traces: personal properties are dropped from the contract.</summary>
    public static readonly JsonSerializerOptions Telemetry = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RemovePersonalProperties } },
    };

    private static void RemovePersonalProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (PersonalProperties.Contains(typeInfo.Properties[i].Name))
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}

public sealed class OrderValidationException(OrderDto order, string rule)
    : Exception($"Order {order.OrderId} for customer {order.CustomerNumber} broke rule {rule}");

public sealed class PaymentDeclinedException(string orderId, string declineCode)
    : Exception($"Payment for order {orderId} declined ({declineCode})");

public sealed class CheckoutTelemetry(ILogger<CheckoutTelemetry> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _orders = meter.CreateCounter<long>("shop.orders");

    public void Placed(OrderDto order, string customerTier)
    {
        using var span = source.StartModelOperation("publish", nameof(OrderPlaced));
        var activity = span.Activity;
        span.SetModelId(order.OrderId);
        activity?.SetTag("shop.order", JsonSerializer.Serialize(order, OrderJson.Telemetry)); // clean logging-objects

        var placed = new OrderPlaced(order.OrderId, order.CustomerNumber, order.StoreCode, order.Total, order.Currency, order.Lines.Count);
        logger.LogInformation("Order placed {Event}", placed); // leak TC1001 logging-objects
        logger.LogInformation("Order placed {Event}", placed with { CustomerNumber = pseudonymizer.ComputeModelSubjectId(order.CustomerNumber) }); // clean precision-pseudonym
        logger.LogInformation("Order placed {Event}", JsonSerializer.Serialize(placed, OrderJson.Telemetry)); // clean logging-objects

        logger.LogInformation("Receipt to {Email}", order.Email); // leak TC1001 direct
        logger.LogInformation("Receipt to a mailbox at {Domain}", order.Email.Domain); // clean precision-about
        logger.LogInformation("Lines {Lines}", order.Lines);
        activity?.SetTag("shop.delivery.district", order.DeliveryPostcode.Split(' ')[0]); // clean precision-about

        _orders.Add(1, new KeyValuePair<string, object?>("store", order.StoreCode), new KeyValuePair<string, object?>("currency", order.Currency)); // clean direct
        _orders.Add(1, new KeyValuePair<string, object?>("customer_tier", customerTier), new KeyValuePair<string, object?>("email_domain", order.Email.Domain)); // clean precision-names
    }

    public void Failed(OrderDto order, Exception error)
    {
        switch (error)
        {
            case OrderValidationException invalid:
                logger.LogWarning(invalid, "Order rejected"); // leak TC1001 exceptions
                break;
            case PaymentDeclinedException declined:
                logger.LogWarning(declined, "Payment declined"); // clean exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, declined.Message); // clean exceptions
                break;
        }
    }
}
