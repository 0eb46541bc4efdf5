using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Retail;

public static class OrdersTelemetry
{
    public static readonly ActivitySource Source = new("Shop.Orders.Api");

    public static readonly Meter Meter = new("Shop.Orders.Api");

    public static readonly OrdersPlacedCounter Placed = Meter.CreateOrdersPlacedCounter();

    public static readonly OrdersReturnsCounter Returns = Meter.CreateOrdersReturnsCounter();

    public static readonly Histogram<double> BasketValue = Meter.CreateHistogram<double>("orders.basket.value", "GBP");
}

public sealed record OrderLineRequest(string Sku, int Quantity);

public sealed record DeliveryAddress(string Name, string Line1, string Town, string Postcode, string? Phone);

public sealed record PlaceOrderCommand(string CustomerNumber, string Email, string Channel, IReadOnlyList<OrderLineRequest> Lines, DeliveryAddress Delivery, string? LoyaltyCardNumber, string? VoucherCode) : IRequest<Result<OrderPlaced>>;

public sealed record OrderPlaced(string OrderId, int Lines, decimal Total, string Status);

public sealed class Order
{
    public string Id { get; init; } = $"ORD-{DateTime.UtcNow:yyyy}-{Random.Shared.Next(1_000_000, 9_999_999)}";

    public required string CustomerNumber { get; init; }

    public required string Email { get; init; }

    public required DeliveryAddress Delivery { get; init; }

    public List<OrderLineRequest> Lines { get; init; } = new();

    public decimal Total { get; set; }

    public string Status { get; set; } = "placed";
}

/// <summary>Thrown by <see cref="IFraudScreen.ScreenAsync"/> when the customer is on the fraud team's block list.</summary>
public sealed class CustomerBlockedException(string email)
    : Exception($"Orders from {email} are blocked pending a fraud review");

/// <summary>Thrown by <see cref="IPaymentGateway.AuthoriseAsync"/>: the provider refused the card; the message is its decline code.</summary>
public sealed class PaymentFailedException(string declineCode)
    : Exception($"Payment failed: {declineCode}")
{
    public string DeclineCode { get; } = declineCode;
}

public interface IOrderRepository
{
    Task AddAsync(Order order, CancellationToken cancellationToken);

    Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken);
}

public interface IPricingService
{
    Task<decimal> PriceAsync(IReadOnlyList<OrderLineRequest> lines, string? voucherCode, CancellationToken cancellationToken);
}

public interface IFraudScreen
{
    Task ScreenAsync(string customerNumber, string email, CancellationToken cancellationToken);
}

public interface IPaymentGateway
{
    Task<string> AuthoriseAsync(string orderId, decimal amount, CancellationToken cancellationToken);
}

/// <summary>What the orders API puts on the checkout span besides the generated attributes.</summary>
public static class OrderTelemetry
{
    public static void Started(Activity? activity, PlaceOrderCommand command)
    {
        activity?.SetTag("orders.voucher", command.VoucherCode ?? "none");
        activity?.SetTag("orders.loyalty.card", command.LoyaltyCardNumber); // leak TC1001 direct
    }

    public static void Completed(Activity? activity, OrderPlaced placed)
    {
        activity?.SetTag("orders.total", placed.Total); // clean direct
        activity?.SetTag("orders.status", placed.Status);
    }
}

public sealed class PlaceOrderValidator : AbstractValidator<PlaceOrderCommand>
{
    public PlaceOrderValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress();
        RuleFor(c => c.Lines).Must(lines => lines.Count is > 0 and <= 50).WithMessage("An order has between 1 and 50 lines");
        RuleFor(c => c.Delivery.Postcode).Matches("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$").WithMessage(c => $"We cannot deliver to {c.Delivery.Postcode}");
    }
}

public sealed class PlaceOrderHandler(
    IValidator<PlaceOrderCommand> validator,
    IOrderRepository orders,
    IPricingService pricing,
    IFraudScreen fraud,
    IPaymentGateway payments,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PlaceOrderHandler> logger) : IRequestHandler<PlaceOrderCommand, Result<OrderPlaced>>
{
    public async Task<Result<OrderPlaced>> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        OrdersChannelValue channel = command.Channel switch
        {
            "app" => OrdersChannel.App,
            "store" => OrdersChannel.Store,
            _ => OrdersChannel.Web,
        };
        using var span = OrdersTelemetry.Source.StartOrdersOrderPlace(pseudonymizer.PseudonymizeOrdersCustomerId(command.CustomerNumber), channel); // clean precision-pseudonym
        span.SetOrdersLines(command.Lines.Count);
        Activity.Current?.AddBaggage("customer.number", command.CustomerNumber); // leak TC1001 direct
        OrderTelemetry.Started(span.Activity, command); // leak TC1001 cross-member

        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            span.SetOrdersNote(string.Join("; ", validation.Errors.Select(e => e.ErrorMessage))); // leak TC1001 generated-api
            logger.LogWarning("Order rejected: {FailureCount} failures on {Properties}", validation.Errors.Count, validation.Errors.Select(e => e.PropertyName).Distinct()); // clean precision-names
            return Result<OrderPlaced>.Invalid(validation.Errors.Select(e => new Error(e.PropertyName, e.ErrorMessage)).ToList());
        }

        var emailKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.Email.Trim().ToLowerInvariant())));
        logger.LogDebug("Screening order for customer key {EmailKey}", emailKey); // leak TC1002 hashes
        try
        {
            await fraud.ScreenAsync(command.CustomerNumber, command.Email, cancellationToken);
        }
        catch (CustomerBlockedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, "customer blocked");
            logger.LogWarning(ex, "Order refused by fraud screening"); // leak TC1001 exceptions
            return Result<OrderPlaced>.Failure(new Error("customer.blocked", "We cannot take this order."));
        }

        var order = new Order
        {
            CustomerNumber = command.CustomerNumber,
            Email = command.Email,
            Delivery = command.Delivery,
            Lines = command.Lines.ToList(),
            Total = await pricing.PriceAsync(command.Lines, command.VoucherCode, cancellationToken),
        };

        try
        {
            var authorisation = await payments.AuthoriseAsync(order.Id, order.Total, cancellationToken);
            logger.LogInformation("Payment for {OrderId} authorised with code {AuthorisationCode}", order.Id, authorisation); // clean direct
        }
        catch (PaymentFailedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            OrdersTelemetry.Placed.Add(1, channel, $"payment_failed:{ex.DeclineCode}"); // clean generated-api
            return Result<OrderPlaced>.Failure(new Error("payment.failed", ex.Message));
        }

        await orders.AddAsync(order, cancellationToken);
        span.SetOrdersOrderId(order.Id);
        OrdersTelemetry.Placed.Add(1, channel, order.Status);
        OrdersTelemetry.BasketValue.Record((double)order.Total, new KeyValuePair<string, object?>("channel", command.Channel), new KeyValuePair<string, object?>("loyalty_member", command.LoyaltyCardNumber is not null)); // clean precision-about
        logger.LogOrdersOrderPlacedEvent(order.Id, channel, pseudonymizer.PseudonymizeOrdersCustomerId(command.CustomerNumber), ordersNote: $"{order.Lines.Count} lines, delivery to {command.Delivery.Postcode.Split(' ')[0]}"); // clean generated-api
        logger.LogInformation("Order accepted for delivery to {Delivery}", order.Delivery); // leak TC1001 logging-objects

        var placed = order.Adapt<OrderPlaced>();
        logger.LogInformation("Order placed {@Order}", placed); // clean logging-objects
        OrderTelemetry.Completed(span.Activity, placed); // clean cross-member
        var fulfilmentShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(command.CustomerNumber))[0] % 4;
        span.Activity?.SetTag("orders.fulfilment.shard", fulfilmentShard); // clean hashes
        return Result<OrderPlaced>.Success(placed);
    }
}
