using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout66.Retail;

public sealed record CheckoutCompleted(Basket Basket, string OrderId, string PaymentMethod, string CardLastFour, TimeSpan CheckoutDuration, string CustomerTier);

public sealed record PaymentDeclined(Basket Basket, string DeclineCode, string CardNumber, string ProviderMessage);

public sealed record DeliveryBooked(string OrderId, string CustomerNumber, string Postcode, string Slot);

public sealed class AddressValidationException(string postcode)
    : Exception($"Postcode {postcode} is not a deliverable address.");

/// <summary>Domain-event handlers of the checkout service: the KPIs, the span and the logs of each step.</summary>
public sealed class BasketEventsHandler(
    CheckoutKpis kpis,
    IMetrics metrics,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    ILogger<BasketEventsHandler> logger)
{
    public void Handle(CheckoutCompleted completed)
    {
        var basket = completed.Basket;
        using var span = source.StartBasketCheckout(basket.Channel)
            .SetBasketOrderId(completed.OrderId) // clean direct
            .SetBasketCustomerId(pseudonymizer.PseudonymizeBasketCustomerId(basket.CustomerNumber)); // clean precision-pseudonym
        kpis.Reached(basket, FunnelStage.OrderPlaced);
        kpis.Converted(basket, completed.OrderId);
        metrics.Observe("checkout.duration", completed.CheckoutDuration.TotalSeconds, new("channel", basket.Channel), new("payment", completed.PaymentMethod));
        metrics.Increment("checkout.by_card", 1, new("payment", completed.PaymentMethod), new("card.last4", completed.CardLastFour)); // clean precision-about
        metrics.Increment("checkout.by_customer", 1, new("channel", basket.Channel), new("customer", pseudonymizer.PseudonymizeBasketCustomerId(basket.CustomerNumber))); // leak TC1003 precision-pseudonym
        metrics.Increment("checkout.by_segment", 1, new("channel", basket.Channel), new("segment", KeyedShard.Of(secrets.ShardKey, basket.CustomerNumber, 20))); // clean hashes
        kpis.PerCustomer(basket); // leak TC1003 cross-member
        var customerTier = completed.CustomerTier;
        metrics.Increment("checkout.by_tier", 1, new("channel", basket.Channel), new("customer.tier", customerTier)); // clean precision-names
        metrics.Increment("checkout.dedupe", 1, new("channel", basket.Channel), new("idempotency.key", $"{basket.CustomerNumber}:{completed.OrderId}")); // leak TC1003 strings
        span.SetBasketOutcome("converted"); // clean generated-api
        span.Activity?.SetTag("basket.items", basket.Items).SetTag("basket.value", (double)basket.Total); // clean precision-about
        span.Activity?.SetTag("basket.customer.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(basket.CustomerEmail.ToLowerInvariant())))); // leak TC1002 hashes
        logger.LogInformation("Order {OrderId} placed: {Items} items, {Total:C}", completed.OrderId, basket.Items, basket.Total); // clean direct
        logger.LogInformation("Order placed from basket {Basket}", basket); // leak TC1001 logging-objects
    }

    public void Handle(PaymentDeclined declined)
    {
        var basket = declined.Basket;
        using var span = source.StartBasketCheckout(basket.Channel);
        metrics.Increment("checkout.declined", 1, new("channel", basket.Channel), new("code", declined.DeclineCode)); // clean direct
        metrics.Increment("checkout.declined.detail", 1, new("code", declined.DeclineCode), new("provider", declined.ProviderMessage)); // clean direct
        span.SetBasketOutcome($"failed:payment:{declined.DeclineCode}"); // clean generated-api
        span.Activity?.SetTag("payment.card.masked", declined.CardNumber[..6] + "******" + declined.CardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("payment.card", declined.CardNumber); // leak TC1001 direct
        logger.LogWarning("Payment declined {Code} for basket {BasketId}", declined.DeclineCode, basket.BasketId);
        logger.LogBasketAbandonedEvent(basket.Channel, pseudonymizer.PseudonymizeBasketCustomerId(basket.CustomerNumber), basketOutcome: "declined"); // clean generated-api
        logger.LogBasketAbandonedEvent(basket.Channel, basketOutcome: $"declined; customer {basket.CustomerNumber} told by email"); // leak TC1001 generated-api
        kpis.Abandoned(basket, declined.DeclineCode); // clean direct
    }

    public void Handle(DeliveryBooked booked)
    {
        try
        {
            ValidatePostcode(booked.Postcode);
            metrics.Increment("delivery.booked", 1, new("slot", booked.Slot), new("district", booked.Postcode.Split(' ')[0])); // clean precision-about
            metrics.Increment("delivery.booked.by_address", 1, new("slot", booked.Slot), new("postcode", booked.Postcode)); // leak TC1003 direct
        }
        catch (AddressValidationException ex)
        {
            metrics.Increment("delivery.invalid", 1, new("slot", booked.Slot), new("error", ex.GetType().Name)); // clean exceptions
            logger.LogWarning(ex, "Delivery for order {OrderId} not bookable", booked.OrderId); // leak TC1001 exceptions
            metrics.Increment("delivery.invalid.reason", 1, new("slot", booked.Slot), new("reason", ex.Message)); // leak TC1003 exceptions
        }
    }

    private static void ValidatePostcode(string postcode)
    {
        if (!postcode.Contains(' '))
        {
            throw new AddressValidationException(postcode);
        }
    }
}
