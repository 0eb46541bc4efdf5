using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.MassTransit;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Retail;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record OrderPlaced(Guid OrderId, string CustomerNumber, string CustomerEmail, string StoreId, string Channel, IReadOnlyList<OrderLine> Lines, string? LoyaltyCardNumber);

public sealed record StockReserved(Guid OrderId, int Lines);

public sealed class CustomerNotFoundException(string email) : Exception($"No customer account for {email}");

public sealed class StockReservationException(string sku, int requested, int available)
    : Exception($"Cannot reserve {requested} of {sku}; {available} available");

public interface ICustomerDirectory
{
    Task<string?> FindTierAsync(string customerNumber, string email);
}

public interface IStockLedger
{
    Task ReserveAsync(Guid orderId, IReadOnlyList<OrderLine> lines);
}

/// <summary>Reserves stock for placed orders on the <c>order-fulfilment</c> endpoint.</summary>
public sealed class OrderPlacedConsumer(ICustomerDirectory customers, IStockLedger stock, Pseudonymizer pseudonymizer, ILogger<OrderPlacedConsumer> logger)
    : IConsumer<OrderPlaced>
{
    private static readonly Meter Meter = new("Shop.Fulfilment");
    private static readonly Histogram<double> BasketValue = Meter.CreateHistogram<double>("fulfilment.basket.value", "GBP");

    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var order = context.Message;
        var activity = Activity.Current;
        activity?.SetTag("order.id", order.OrderId); // clean precision-names
        if (activity is not null)
        {
            // Support finds a customer's orders in the trace search by span name.
            activity.DisplayName = $"{nameof(OrderPlaced)} {order.CustomerNumber}"; // leak TC1001 strings
        }

        activity?.SetTag("customer.number", order.CustomerNumber); // leak TC1001 direct
        activity?.SetTag("customer.email_domain", order.CustomerEmail[(order.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("customer.has_loyalty_card", order.LoyaltyCardNumber is not null); // clean precision-about
        activity?.SetTag("loyalty.card_last4", order.LoyaltyCardNumber?[^4..]); // clean precision-about
        activity?.SetTag("customer.ref", pseudonymizer.ComputeBusSubjectId(order.CustomerNumber)); // clean precision-pseudonym

        var tier = await customers.FindTierAsync(order.CustomerNumber, order.CustomerEmail);
        if (tier is null)
        {
            throw new CustomerNotFoundException(order.CustomerEmail); // leak TC1001 exceptions
        }

        activity?.SetTag("customer.tier", tier); // clean precision-names
        await stock.ReserveAsync(order.OrderId, order.Lines);
        BasketValue.Record((double)order.Lines.Sum(l => l.Quantity * l.UnitPrice), new TagList { { "channel", order.Channel }, { "tier", tier } }); // clean precision-about
        logger.LogInformation("Stock reserved for order {OrderId} ({Lines} lines) for loyalty card {LoyaltyCard}", order.OrderId, order.Lines.Count, order.LoyaltyCardNumber); // leak TC1001 direct
        await context.Publish(new StockReserved(order.OrderId, order.Lines.Count));
    }
}

/// <summary>
/// A consume filter registered on every consumer of the <c>order-fulfilment</c> endpoint (whose
/// messages are <c>OrderPlaced</c>, <c>OrderCancelled</c> and <c>ReturnRequested</c>, each with the
/// customer's number and email).
/// </summary>
public sealed class ConsumeLoggingFilter<T>(ILogger<ConsumeLoggingFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var started = Stopwatch.GetTimestamp();
        using (logger.BeginScope(new Dictionary<string, object?> { ["MessageId"] = context.MessageId, ["ConversationId"] = context.ConversationId, ["MessageType"] = typeof(T).Name })) // clean logging-objects
        {
            logger.LogDebug("Consuming {@Message}", context.Message); // leak TC1001 logging-objects
            try
            {
                await next.Send(context);
                logger.LogDebug("Consumed {MessageType} in {Elapsed} ms", typeof(T).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean precision-names
            }
            catch (Exception ex)
            {
                // The endpoint's consumers throw CustomerNotFoundException (the email) and StockReservationException (a SKU).
                logger.LogError(ex, "{MessageType} failed on attempt {Attempt}", typeof(T).Name, context.GetRetryAttempt()); // leak TC1001 exceptions
                Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
                throw;
            }
        }
    }
}

/// <summary>Reads the faults of <c>OrderPlaced</c> and raises a support ticket for each.</summary>
public sealed class OrderPlacedFaultConsumer(ILogger<OrderPlacedFaultConsumer> logger) : IConsumer<Fault<OrderPlaced>>
{
    public Task Consume(ConsumeContext<Fault<OrderPlaced>> context)
    {
        var fault = context.Message;
        var exception = fault.Exceptions[0];
        using var span = TelemetrySpans.EnrichBusHandle(Activity.Current, "Fault<OrderPlaced>", "order-fulfilment_error");
        span.SetBusCorrelationId(fault.Message.OrderId.ToString()); // clean generated-api
        span.AddBusDeadLetteredEvent(exception.ExceptionType, $"order {fault.Message.OrderId} faulted"); // clean generated-api
        logger.LogError("Order {OrderId} faulted: {ExceptionType} {ExceptionMessage}", fault.Message.OrderId, exception.ExceptionType, exception.Message); // leak TC1001 exceptions
        logger.LogInformation("Faulted order had {Lines} lines from store {Store}", fault.Message.Lines.Count, fault.Message.StoreId); // clean precision-about
        return Task.CompletedTask;
    }
}
