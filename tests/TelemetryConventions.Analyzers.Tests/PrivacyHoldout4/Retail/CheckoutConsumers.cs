using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record CheckoutSubmitted(string OrderId, string CustomerNumber, string Email, string StoreCode, IReadOnlyList<BasketLine> Lines, string? LoyaltyCard);

public sealed partial class CheckoutSubmittedConsumer(ILogger<CheckoutSubmittedConsumer> logger, Pseudonymizer pseudonymizer, Meter meter)
    : IConsumer<CheckoutSubmitted>
{
    private readonly Counter<long> _orders = meter.CreateCounter<long>("basket.orders");

    public async Task Consume(ConsumeContext<CheckoutSubmitted> context)
    {
        var order = context.Message;
        var customer = pseudonymizer.PseudonymizeBasketCustomerId(order.CustomerNumber);

        using var span = new ActivitySource("Basket.Checkout").StartBasketCheckout(customer); // clean generated-api
        span.SetBasketOrderId(order.OrderId).SetBasketStore(order.StoreCode).SetBasketLineCount(order.Lines.Count);
        span.SetBasketDetail(order.LoyaltyCard is null ? "no loyalty card" : $"loyalty card {order.LoyaltyCard}"); // leak TC1001 generated-api

        LogCheckout(logger, order.OrderId, order.Email); // clean logging-objects
        span.SetBasketDetail($"order {order.OrderId} with {order.Lines.Count} lines from {order.StoreCode}"); // clean strings
        Activity.Current?.AddEvent(new ActivityEvent($"receipt sent to {order.Email}")); // leak TC1001 strings
        LogCheckoutUnclassified(logger, order.OrderId, order.CustomerNumber); // leak TC1001 logging-objects
        logger.LogDebug("Checkout {Order}", order); // leak TC1001 logging-objects

        var byCategory = order.Lines.GroupBy(l => l.Sku[..3]).Select(g => new { Category = g.Key, Units = g.Sum(l => l.Quantity) });
        foreach (var group in byCategory)
        {
            _orders.Add(group.Units, new KeyValuePair<string, object?>("basket.sku.category", group.Category), new KeyValuePair<string, object?>("basket.store", order.StoreCode)); // clean precision-names
        }

        _orders.Add(1, new KeyValuePair<string, object?>("basket.customer.tier", CustomerTier(order.CustomerNumber))); // clean precision-names
        _orders.Add(1, new KeyValuePair<string, object?>("basket.customer", order.CustomerNumber)); // leak TC1003 direct

        var correlation = context.CorrelationId ?? Guid.NewGuid();
        Activity.Current?.SetTag("messaging.correlation.id", correlation); // clean precision-names
        await context.Publish(new { order.OrderId, Accepted = true });
    }

    private static string CustomerTier(string customerNumber) => customerNumber.StartsWith('G') ? "gold" : "standard";

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout {OrderId} for {Email}")]
    private static partial void LogCheckout(ILogger logger, string orderId, [PrivateData] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout {OrderId} for customer {CustomerNumber}")]
    private static partial void LogCheckoutUnclassified(ILogger logger, string orderId, string customerNumber);
}

/// <summary>Handles payments that failed after retries; the bus hands over the messages of the <see cref="PaymentFailedException"/>s.</summary>
public sealed class PaymentFaultConsumer(ILogger<PaymentFaultConsumer> logger, Pseudonymizer pseudonymizer) : IConsumer<Fault<TakePayment>>
{
    public Task Consume(ConsumeContext<Fault<TakePayment>> context)
    {
        var declined = context.Message.Message;
        Activity.Current?.SetTag("basket.order.id", declined.OrderId); // clean precision-names
        Activity.Current?.SetTag("payment.card.last4", declined.CardLast4); // clean precision-about
        Activity.Current?.SetTag("payment.amount", (double)declined.Amount);

        foreach (var message in context.Message.ExceptionMessages)
        {
            logger.LogError("Payment for order {Order} failed: {Error}", declined.OrderId, message); // leak TC1001 exceptions
        }

        logger.LogError("Payment for order {Order} failed {Times} times", declined.OrderId, context.Message.ExceptionMessages.Count); // clean exceptions
        logger.LogError("Payment declined for {Customer}", pseudonymizer.PseudonymizeBasketCustomerId(declined.CustomerNumber)); // clean precision-pseudonym
        return Task.CompletedTask;
    }
}
