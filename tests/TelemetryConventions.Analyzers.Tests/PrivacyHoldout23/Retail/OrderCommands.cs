using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Retail;

public interface ICustomerScoped
{
    Guid CustomerId { get; }
}

public sealed record OrderLineDto(string Sku, int Quantity, decimal UnitPrice, string Currency);

public sealed record PlaceOrderCommand(Guid CustomerId, IReadOnlyList<OrderLineDto> Lines, string? LoyaltyNumber) : IRequest<Result<OrderId>>, ICustomerScoped;

/// <summary>Tags the request with the customer's pseudonym and opens a logging scope for it.</summary>
public sealed class CustomerContextBehavior<TRequest, TResponse>(Pseudonymizer pseudonymizer, ILogger<CustomerContextBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (request is not ICustomerScoped scoped)
        {
            return await next(cancellationToken);
        }

        Activity.Current?.SetTag(CommandAttributes.SubjectId, pseudonymizer.ComputeCommandSubjectId(scoped.CustomerId.ToString())); // clean precision-pseudonym
        using (logger.BeginScope(new Dictionary<string, object> { ["CustomerId"] = scoped.CustomerId, ["RequestName"] = typeof(TRequest).Name })) // leak TC1001 logging-objects
        {
            return await next(cancellationToken);
        }
    }
}

internal sealed class PlaceOrderCommandHandler : IRequestHandler<PlaceOrderCommand, Result<OrderId>>
{
    private readonly IRepository<Order> _orders;
    private readonly IUnitOfWork _unitOfWork;
    private readonly ActivitySource _source;
    private readonly ILogger<PlaceOrderCommandHandler> _logger;
    private readonly Counter<long> _loyaltyRedemptions;

    public PlaceOrderCommandHandler(IRepository<Order> orders, IUnitOfWork unitOfWork, ActivitySource source, Meter meter, ILogger<PlaceOrderCommandHandler> logger)
    {
        _orders = orders;
        _unitOfWork = unitOfWork;
        _source = source;
        _logger = logger;
        _loyaltyRedemptions = meter.CreateCounter<long>("retail.loyalty.redemptions");
    }

    public async Task<Result<OrderId>> Handle(PlaceOrderCommand request, CancellationToken cancellationToken)
    {
        using var span = _source.StartCommandHandle(nameof(PlaceOrderCommand));

        LoyaltyNumber? loyalty = null;
        if (request.LoyaltyNumber is { Length: >= 4 } raw && !LoyaltyNumber.TryParse(raw, out loyalty))
        {
            _logger.LogInformation("Ignoring malformed loyalty number ending {LoyaltyLast4}", raw[^4..]); // clean precision-about
        }

        var lines = request.Lines.Select(l => new OrderLine(new Sku(l.Sku), l.Quantity, new Money(l.UnitPrice, l.Currency)));
        var placed = Order.Place(new CustomerId(request.CustomerId), lines, loyalty);
        if (placed.IsFailure)
        {
            _logger.LogWarning("Order not placed: {Error}", placed.Error); // clean logging-objects
            return placed.Error;
        }

        var order = placed.Value;
        await _orders.AddAsync(order, cancellationToken);
        await _unitOfWork.SaveChangesAsync(cancellationToken);

        span.SetAggregateType(nameof(Order)).SetAggregateId(order.Id.ToString()).SetDomainEventCount(order.DomainEvents.Count); // clean direct
        span.SetCommandOutcome(loyalty is null ? "placed" : "placed-with-loyalty"); // clean precision-about
        _logger.LogInformation("Placed {Order}", order); // clean logging-objects

        if (loyalty is not null)
        {
            Activity.Current?.SetTag("loyalty.number", loyalty.Value); // leak TC1001 direct
            _loyaltyRedemptions.Add(1, new TagList { { "channel", "web" }, { "loyalty.number", loyalty } }); // leak TC1003 direct
        }

        return order.Id;
    }
}

public sealed record UpdateCustomerPhoneCommand(Guid CustomerId, string Phone) : IRequest<Result>;

internal sealed class UpdateCustomerPhoneCommandHandler(IRepository<Customer> customers, IUnitOfWork unitOfWork, ILogger<UpdateCustomerPhoneCommandHandler> logger)
    : IRequestHandler<UpdateCustomerPhoneCommand, Result>
{
    public async Task<Result> Handle(UpdateCustomerPhoneCommand request, CancellationToken cancellationToken)
    {
        var customerId = Guard.Against.Default(new CustomerId(request.CustomerId), nameof(request.CustomerId)); // clean exceptions

        var phone = PhoneNumber.Create(request.Phone);
        if (phone.IsFailure)
        {
            logger.LogWarning("Phone update rejected: {Error}", phone.Error); // leak TC1001 logging-objects
            return phone.Error;
        }

        var customer = await customers.GetByIdAsync(customerId, cancellationToken);
        if (customer is null)
        {
            return RetailErrors.CustomerNotFound;
        }

        customer.ChangePhone(phone.Value);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        Activity.Current?.SetTag("customer.phone_country", phone.Value.CountryPrefix); // clean precision-about
        logger.LogInformation("Phone updated for customer {CustomerId}", customerId); // leak TC1001 direct
        return Result.Success();
    }
}
