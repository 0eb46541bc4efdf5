using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.Messaging;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Retail;

public sealed class OrdersForCustomerSpec(CustomerId customer) : Specification<Order>
{
    public override Expression<Func<Order, bool>> Criteria => order => order.Customer == customer;

    public override string ToString() => $"{Name}(Customer = {customer})";
}

public sealed class OrdersAwaitingShipmentSpec(DateOnly placedBefore) : Specification<Order>
{
    public override Expression<Func<Order, bool>> Criteria => order => order.DomainEvents.Count >= 0;

    public override string ToString() => $"{Name}(PlacedBefore = {placedBefore:yyyy-MM-dd})";
}

public sealed record GetCustomerOrdersQuery(Guid CustomerId) : IRequest<Result<int>>;

public sealed record GetShipmentBacklogQuery(DateOnly PlacedBefore) : IRequest<Result<int>>;

internal sealed class OrderQueryHandlers : IRequestHandler<GetCustomerOrdersQuery, Result<int>>, IRequestHandler<GetShipmentBacklogQuery, Result<int>>
{
    private readonly IReadRepository<Order> _orders;
    private readonly IReadRepository<Customer> _customers;
    private readonly ILogger<OrderQueryHandlers> _logger;
    private readonly Counter<long> _lookups;

    public OrderQueryHandlers(IReadRepository<Order> orders, IReadRepository<Customer> customers, Meter meter, ILogger<OrderQueryHandlers> logger)
    {
        _orders = orders;
        _customers = customers;
        _logger = logger;
        _lookups = meter.CreateCounter<long>("retail.customer.lookups");
    }

    public async Task<Result<int>> Handle(GetCustomerOrdersQuery request, CancellationToken cancellationToken)
    {
        var specification = new OrdersForCustomerSpec(new CustomerId(request.CustomerId));
        _logger.LogDebug("Evaluating {Specification}", specification); // leak TC1001 logging-objects

        var customer = await _customers.FirstOrDefaultAsync(new CustomerByIdSpec(new CustomerId(request.CustomerId)), cancellationToken);
        if (customer is null)
        {
            return RetailErrors.CustomerNotFound;
        }

        _logger.LogInformation("Loaded {Customer}", customer); // leak TC1001 logging-objects

        var emailDomain = customer.Email[(customer.Email.IndexOf('@') + 1)..];
        _lookups.Add(1, new KeyValuePair<string, object?>("email.domain", emailDomain)); // clean precision-about

        // Matches the key the marketing suppression list is stored under.
        var suppressionKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(customer.Email.ToLowerInvariant())))[..12];
        _logger.LogInformation("Checking suppression list for {SuppressionKey}", suppressionKey); // leak TC1002 hashes

        return await _orders.CountAsync(specification, cancellationToken);
    }

    public async Task<Result<int>> Handle(GetShipmentBacklogQuery request, CancellationToken cancellationToken)
    {
        var specification = new OrdersAwaitingShipmentSpec(request.PlacedBefore);
        _logger.LogDebug("Evaluating {Specification}", specification); // clean logging-objects
        var backlog = await _orders.CountAsync(specification, cancellationToken);
        Activity.Current?.SetTag("shipment.backlog", backlog); // clean precision-about
        return backlog;
    }
}

public sealed class CustomerByIdSpec(CustomerId customer) : Specification<Customer>
{
    public override Expression<Func<Customer, bool>> Criteria => c => c.Id == customer;
}

public sealed record OrderPlacedIntegrationEvent(Guid OrderId, Guid CustomerId, decimal Total, string Currency) : IntegrationEvent;

/// <summary>Runs before SaveChanges: turns the tracked aggregates' domain events into outbox rows.</summary>
public sealed class DomainEventsToOutboxConverter(IUnitOfWork unitOfWork, IOutboxStore outbox, ILogger<DomainEventsToOutboxConverter> logger)
{
    public async Task ConvertAsync(CancellationToken cancellationToken)
    {
        var messages = unitOfWork.Drain()
            .OfType<OrderPlaced>()
            .Select(e => new OutboxMessage
            {
                Type = nameof(OrderPlacedIntegrationEvent),
                Content = JsonSerializer.Serialize(new OrderPlacedIntegrationEvent(e.OrderId.Value, e.Customer.Value, e.Total.Amount, e.Total.Currency)),
                OccurredOnUtc = e.OccurredOn.UtcDateTime,
                Destination = "orders.fifo",

                // The orders queue is FIFO per customer.
                PartitionKey = e.Customer.ToString(),
            })
            .ToList();

        foreach (var message in messages)
        {
            await outbox.AddAsync(message, cancellationToken);
            logger.LogTrace("Outbox {MessageId} in message group {MessageGroupId}", message.Id, message.PartitionKey); // leak TC1001 cross-member
        }

        logger.LogDebug("Converted {Count} domain events into outbox messages of types {Types}", messages.Count, string.Join(",", messages.Select(m => m.Type).Distinct())); // clean precision-names
    }
}

internal sealed class OrderShippedHandler : INotificationHandler<OrderShipped>
{
    public Task Handle(OrderShipped notification, CancellationToken cancellationToken)
    {
        Activity.Current?.AddEvent(new ActivityEvent("order.shipped", tags: new ActivityTagsCollection { ["order.id"] = notification.OrderId.ToString(), ["carrier"] = notification.Carrier })); // clean direct
        Activity.Current?.AddEvent(new ActivityEvent("customer.notified", tags: new ActivityTagsCollection { ["customer.id"] = notification.Customer.ToString() })); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}
