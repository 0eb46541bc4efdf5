using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Retail;

public sealed record OrderPlaced(Guid OrderId, string CustomerNumber, string ShippingPostcode, decimal Total, string Currency, string PaymentMethod);

public sealed class OrderPayload
{
    public Guid OrderId { get; init; }

    public string CustomerNumber { get; init; } = string.Empty;

    [PrivateData]
    public string? ContactPhone { get; init; }

    public decimal Total { get; init; }

    public override string ToString() => $"Order {OrderId} for {CustomerNumber} ({Total})";
}

public sealed class PaymentDeclinedException(string message, string declineCode) : Exception(message)
{
    public string DeclineCode { get; } = declineCode;
}

internal static partial class OrderLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Order placed: {Order}")]
    public static partial void OrderPlaced(ILogger logger, OrderPlaced order);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Order {OrderId} placed, total {Total} {Currency}")]
    public static partial void OrderTotals(ILogger logger, Guid orderId, decimal total, string currency);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Order payload {Payload}")]
    public static partial void Payload(ILogger logger, OrderPayload payload);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "SMS confirmation to {ContactPhone}")]
    public static partial void SmsConfirmation(ILogger logger, [PrivateData] string contactPhone);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Payment declined for customer {CustomerNumber}")]
    public static partial void PaymentDeclined(ILogger logger, string customerNumber, Exception exception);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Payment declined with code {DeclineCode}")]
    public static partial void PaymentDeclinedCode(ILogger logger, string declineCode);
}

/// <summary>Consumes order events for fulfilment.</summary>
public sealed class OrderEventsConsumer(IConsumer<Guid, OrderPlaced> consumer, ILogger<OrderEventsConsumer> logger, Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Shop.Fulfilment");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is not null)
            {
                Fulfil(result.Message.Value, result.Message.Headers);
            }
        }

        return Task.CompletedTask;
    }

    private void Fulfil(OrderPlaced order, IReadOnlyDictionary<string, string> headers)
    {
        using var activity = Source.StartActivity("order.fulfil", ActivityKind.Consumer, default(ActivityContext), tags: new[] { new KeyValuePair<string, object?>("shop.order.id", order.OrderId) }); // clean precision-names
        OrderLog.OrderPlaced(logger, order); // leak TC1001 logging-objects
        OrderLog.OrderTotals(logger, order.OrderId, order.Total, order.Currency); // clean logging-objects

        var payload = new OrderPayload { OrderId = order.OrderId, CustomerNumber = order.CustomerNumber, ContactPhone = headers.GetValueOrDefault("sms-to"), Total = order.Total };
        OrderLog.Payload(logger, payload); // leak TC1001 logging-objects
        if (payload.ContactPhone is { } phone)
        {
            OrderLog.SmsConfirmation(logger, phone); // clean logging-objects
            activity?.SetTag("shop.sms.to", payload.ContactPhone); // leak TC1001 logging-objects
        }

        try
        {
            Charge(order);
        }
        catch (PaymentDeclinedException ex)
        {
            OrderLog.PaymentDeclined(logger, order.CustomerNumber, ex); // leak TC1001 logging-objects
            OrderLog.PaymentDeclinedCode(logger, ex.DeclineCode); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
        }

        activity?.SetTag("shop.customer.id", pseudonymizer.Pseudonymize("shop.customer.id", order.CustomerNumber)); // clean precision-pseudonym
        activity?.SetTag("shop.customer.ref", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(order.CustomerNumber)))); // leak TC1002 hashes
    }

    private static void Charge(OrderPlaced order)
    {
        if (order.PaymentMethod == "card" && order.Total > 5000m)
        {
            ThrowDeclined(order.CustomerNumber, "limit");
        }
    }

    private static void ThrowDeclined(string customerNumber, string code) =>
        throw new PaymentDeclinedException($"Card of customer {customerNumber} declined ({code})", code);
}
