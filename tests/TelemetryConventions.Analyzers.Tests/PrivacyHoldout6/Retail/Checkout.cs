using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout6.Support;
using PrivacyHoldout6.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout6.Retail;

public interface IEntity
{
    string Key { get; }
}

public sealed record Customer(string Key, string Email, string Phone, string LoyaltyTier) : IEntity;

public sealed class EntityNotFoundException(string message) : Exception(message);

public sealed class PaymentGatewayException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>The shop's in-memory repository, shared by every aggregate.</summary>
public sealed class Repository<T>(ILogger<Repository<T>> logger)
    where T : class, IEntity
{
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);

    public T Get(string key)
    {
        if (_items.TryGetValue(key, out var item))
        {
            return item;
        }

        logger.LogDebug("{Entity} not cached ({Count} cached)", typeof(T).Name, _items.Count); // clean precision-about
        throw new EntityNotFoundException($"{typeof(T).Name} '{key}' was not found");
    }

    public void Put(T entity) => _items[entity.Key] = entity;
}

/// <summary>Checks a basket out for a signed-in customer.</summary>
public sealed class CheckoutHandler(Repository<Customer> customers, Pseudonymizer pseudonymizer, ILogger<CheckoutHandler> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.Checkout");

    public IResult Checkout(string customerNumber, string channel, string basketId, int items)
    {
        using var checkout = Source.StartBasketCheckout(Pseudonym.FromComputed(pseudonymizer.ComputeBasketCustomerId(customerNumber)), channel); // clean generated-api
        checkout.SetBasketId(basketId).SetBasketItemCount(items); // clean generated-api
        meter.CreateBasketCheckoutsCounter().Add(1, channel); // clean generated-api
        Customer customer;
        try
        {
            customer = customers.Get(customerNumber);
        }
        catch (EntityNotFoundException ex)
        {
            checkout.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            var problem = new ProblemDetails { Title = "Unknown customer", Status = 404, Detail = ex.Message };
            problem.Extensions["customer"] = customerNumber;
            logger.LogWarning("Checkout problem {Title}: {Detail}", problem.Title, problem.Detail); // leak TC1001 strings
            return Results.Problem(problem);
        }

        checkout.Activity?.SetTag(BasketAttributes.CustomerPhone, pseudonymizer.Compute("basket.customer.phone", customer.Phone)); // leak TC1001 precision-pseudonym
        checkout.SetBasketReason($"loyalty tier {customer.LoyaltyTier}"); // clean generated-api
        logger.LogInformation("Checkout for {Customer}", customer); // leak TC1001 logging-objects
        logger.LogInformation("Checkout in loyalty tier {Tier}", customer.LoyaltyTier); // clean precision-names
        try
        {
            Charge(customer, items);
        }
        catch (PaymentGatewayException ex)
        {
            var root = ex.InnerException ?? ex;
            checkout.SetBasketReason(string.Concat("payment declined: ", root.Message)); // leak TC1001 generated-api
            logger.LogError("Payment failed: {Cause}", root.Message); // leak TC1001 exceptions
            checkout.RecordException(ex); // clean exceptions
            Activity.Current?.SetTag("payment.error.type", root.GetType().FullName); // clean exceptions
            return Results.Problem(new ProblemDetails { Title = "Payment failed", Status = 402 });
        }

        return Results.Ok(new { basketId });
    }

    private static void Charge(Customer customer, int items)
    {
        if (items > 50)
        {
            throw new PaymentGatewayException("The payment provider refused the charge", new InvalidOperationException($"Card holder {customer.Email} failed 3-D Secure"));
        }
    }
}
