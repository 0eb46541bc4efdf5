using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Retail;

public sealed class PlaceOrderValidator : AbstractValidator<PlaceOrderCommand>
{
    public PlaceOrderValidator()
    {
        RuleFor(c => c.CustomerNumber).Matches("^C[0-9]{7}$").WithMessage(c => $"{c.CustomerNumber} is not a customer number");
        RuleFor(c => c.Email).NotEmpty().EmailAddress();
        RuleFor(c => c.Lines).Must(lines => lines.Count <= 50).WithMessage("At most 50 lines per order");
    }
}

public interface IPromotionCatalogue
{
    Task<bool> IsActiveAsync(string promoCode, CancellationToken cancellationToken);
}

public sealed partial class OrderPlacementService(
    ShopDbContext db,
    IValidator<PlaceOrderCommand> validator,
    IPromotionCatalogue promotions,
    IDomainEventDispatcher dispatcher,
    ILogger<OrderPlacementService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.Orders");

    private readonly Counter<long> _orders = meter.CreateCounter<long>("shop.orders", "{order}");

    public async Task<Result<Guid>> PlaceAsync(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("order.place");
        activity?.SetTag("shop.order.lines", command.Lines.Count); // clean precision-about
        activity?.SetTag("shop.customer.number", command.CustomerNumber); // leak TC1001 direct

        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            var byProperty = validation.ToDictionary();
            activity?.SetTag("shop.validation.properties", string.Join(',', byProperty.Keys)); // clean precision-names
            logger.LogInformation("Order rejected: {ValidationErrors}", byProperty); // leak TC1001 logging-objects
            logger.LogDebug("Attempted values {@Attempted}", validation.Errors.Select(f => new { f.PropertyName, f.AttemptedValue })); // leak TC1001 logging-objects
            return Error.Validation("order.invalid", $"{validation.Errors.Count} validation errors");
        }

        if (command.Lines.Count == 0)
        {
            return Fail(OrderErrors.EmptyBasket); // clean cross-member
        }

        var customer = await db.Customers.FirstOrDefaultAsync(c => c.CustomerNumber == command.CustomerNumber, cancellationToken);
        if (customer is null)
        {
            return Fail(OrderErrors.CustomerNotFound(command.CustomerNumber)); // leak TC1001 cross-member
        }

        if (customer.IsBlocked)
        {
            return Fail(OrderErrors.CustomerBlocked(customer.Email)); // leak TC1001 cross-member
        }

        if (command.PromoCode is { } promo && !await promotions.IsActiveAsync(promo, cancellationToken))
        {
            return Fail(OrderErrors.PromoExpired(promo)); // clean cross-member
        }

        var order = new Order
        {
            Id = Guid.NewGuid(),
            CustomerNumber = customer.CustomerNumber,
            Total = command.Lines.Sum(l => l.Quantity * l.UnitPrice),
            PromoCode = command.PromoCode,
        };
        order.Place();
        db.Orders.Add(order);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { IsTransient: true } pg && attempt < 3)
            {
                logger.LogWarning(ex, "Transient {SqlState} placing an order, attempt {Attempt}", pg.SqlState, attempt); // clean exceptions
                activity?.AddEvent(new ActivityEvent("shop.order.retry", tags: new ActivityTagsCollection { ["shop.retry.attempt"] = attempt, ["shop.customer"] = command.CustomerNumber })); // leak TC1001 direct
            }
        }

        _orders.Add(1, new KeyValuePair<string, object?>("shop.customer.tier", customer.Tier), new KeyValuePair<string, object?>("shop.currency", order.Currency)); // clean precision-names
        _orders.Add(1, new KeyValuePair<string, object?>("shop.loyalty.card", customer.LoyaltyCardNumber)); // leak TC1003 direct
        await dispatcher.DispatchAsync(order.DomainEvents, cancellationToken);
        return order.Id;
    }

    private Result<Guid> Fail(Error error)
    {
        Activity.Current?.SetTag(RequestAttributes.ErrorCode, error.Code);
        Activity.Current?.SetTag(RequestAttributes.ErrorDetail, error.Description);
        LogOrderFailed(logger, error.Code, error.Description);
        return error;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Order failed with {ErrorCode}: {ErrorDescription}")]
    private static partial void LogOrderFailed(ILogger logger, string errorCode, string errorDescription);
}

public sealed partial class OrderPlacedHandler(ILogger<OrderPlacedHandler> logger, Pseudonymizer pseudonymizer) : IDomainEventHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced domainEvent, CancellationToken cancellationToken)
    {
        logger.LogInformation("Order placed {@OrderPlaced}", domainEvent); // leak TC1001 logging-objects
        logger.LogInformation("Order {OrderId} placed for {Total} {Currency}", domainEvent.OrderId, domainEvent.Total, domainEvent.Currency); // clean logging-objects
        Activity.Current?.SetTag(RequestAttributes.CallerId, pseudonymizer.ComputeRequestCallerId(domainEvent.CustomerNumber)); // clean precision-pseudonym
        return Task.CompletedTask;
    }
}
