using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Retail;

/// <summary>Marks a command whose listed properties go to the audit log.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AuditedAttribute(string action) : Attribute
{
    public string Action { get; } = action;

    public string[] Include { get; init; } = [];
}

/// <summary>Keeps a property out of the request log.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensitiveAttribute : Attribute;

[Audited("place-order", Include = [nameof(BasketId), nameof(CustomerNumber), nameof(PaymentMethod)])]
public sealed record PlaceOrderCommand(
    string BasketId,
    [property: Sensitive] string CustomerNumber,
    [property: Sensitive] string Email,
    string PaymentMethod,
    [property: Sensitive] string? LoyaltyCardNumber,
    [property: Sensitive] string DeliveryPostcode) : IRequest<OrderPlaced>;

[Audited("apply-voucher", Include = [nameof(BasketId), nameof(VoucherCode)])]
public sealed record ApplyVoucherCommand(string BasketId, string VoucherCode) : IRequest<decimal>;

public sealed record GetOrderQuery(string OrderId) : IRequest<OrderView?>;

public sealed record OrderPlaced(string OrderId, decimal Total, int Items);

public sealed record OrderView(string OrderId, string Status, decimal Total);

/// <summary>Thrown by the order handler when the card issuer declines; names the card by its last four digits.</summary>
public sealed class PaymentDeclinedException(string declineCode, string cardLastFour)
    : Exception($"Card ending {cardLastFour} declined: {declineCode}.")
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>Thrown by the order handler for a customer on the fraud team's block list.</summary>
public sealed class CustomerBlockedException(string customerNumber)
    : Exception($"Customer {customerNumber} is blocked from placing orders.");

/// <summary>Open generic behaviour: writes the audit log of commands marked [Audited].</summary>
public sealed class AuditBehavior<TRequest, TResponse>(ILogger<AuditBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    private static readonly AuditedAttribute? Audited = typeof(TRequest).GetCustomAttribute<AuditedAttribute>();

    private static readonly PropertyInfo[] Included = Audited is null
        ? []
        : typeof(TRequest).GetProperties().Where(p => Audited.Include.Contains(p.Name)).ToArray();

    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (Audited is null)
        {
            return await next(cancellationToken);
        }

        var fields = Included.ToDictionary(p => p.Name, p => p.GetValue(request));
        logger.LogInformation("Audit {AuditAction} {@Fields}", Audited.Action, fields); // leak TC1001 logging-objects
        logger.LogStoreCommandAuditedEvent(Audited.Action, storeNote: string.Join(",", fields.Keys)); // clean precision-names
        var response = await next(cancellationToken);
        logger.LogInformation("Audit {AuditAction} completed with a {ResponseType}", Audited.Action, typeof(TResponse).Name); // clean precision-names
        return response;
    }
}

/// <summary>Open generic behaviour: logs every request's properties except the [Sensitive] ones.</summary>
public sealed class RequestLoggingBehavior<TRequest, TResponse>(ILogger<RequestLoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    private static readonly PropertyInfo[] Visible = typeof(TRequest).GetProperties()
        .Where(p => !p.IsDefined(typeof(SensitiveAttribute)))
        .ToArray();

    public Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var properties = string.Join(" ", Visible.Select(p => $"{p.Name}={p.GetValue(request)}"));
        logger.LogDebug("{Request} {Properties}", typeof(TRequest).Name, properties); // clean strings
        logger.LogDebug("{Request} has {Hidden} sensitive properties", typeof(TRequest).Name, typeof(TRequest).GetProperties().Length - Visible.Length); // clean precision-about
        return next(cancellationToken);
    }
}

/// <summary>Open generic behaviour: a span and a count per request.</summary>
public sealed class OperationTelemetryBehavior<TRequest, TResponse>(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<OperationTelemetryBehavior<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var operation = typeof(TRequest).Name;
        using var span = source.StartStoreOperation(operation); // clean generated-api
        if (request is PlaceOrderCommand order)
        {
            span.SetStoreCustomerId(pseudonymizer.PseudonymizeStoreCustomerId(order.CustomerNumber)).SetStoreBasketId(order.BasketId); // clean precision-pseudonym
            Activity.Current?.SetTag(StoreAttributes.CustomerEmail, pseudonymizer.Compute("customer_email", order.Email)); // leak TC1001 precision-pseudonym
            if (order.LoyaltyCardNumber is { } card)
            {
                span.SetStoreLoyaltyCard(pseudonymizer.PseudonymizeStoreLoyaltyCard(card)); // clean precision-pseudonym
                span.SetStoreNote($"loyalty card {card}"); // leak TC1001 generated-api
            }
        }

        try
        {
            var response = await next(cancellationToken);
            span.SetStoreOutcome(StoreOutcome.Ok);
            if (response is OrderPlaced placed)
            {
                span.SetStoreOrderId(placed.OrderId); // clean direct
            }

            meter.CreateStoreOperationsCounter().Add(1, operation, StoreOutcome.Ok); // clean precision-names
            return response;
        }
        catch (PaymentDeclinedException ex)
        {
            span.SetStoreOutcome(StoreOutcome.Declined).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            meter.CreateStoreOperationsCounter().Add(1, operation, StoreOutcomeValue.Custom($"declined:{ex.DeclineCode}")); // clean generated-api
            throw;
        }
        catch (Exception ex)
        {
            span.SetStoreOutcome(StoreOutcome.Failed).RecordException(ex); // clean exceptions
            logger.LogError(ex, "{Operation} failed", operation); // leak TC1001 exceptions
            meter.CreateStoreOperationsCounter().Add(1, operation, StoreOutcome.Failed);
            throw;
        }
    }
}
