using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Basket(string BasketId, string CustomerNumber, string CustomerEmail, string? LoyaltyCardNumber, string StoreCode, IReadOnlyList<BasketLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

public sealed record PaymentResult(string OrderId, string Method, string CardLastFour, string AuthorisationCode);

/// <summary>Helpers the checkout squad wrote over the generated checkout span.</summary>
public static class CheckoutSpanExtensions
{
    public static string BandOf(decimal total) => total switch
    {
        < 20m => "<20",
        < 50m => "20-50",
        < 100m => "50-100",
        _ => "100+",
    };

    public static ShopPaymentMethodValue MethodOf(PaymentResult payment) => payment.Method switch
    {
        "card" => ShopPaymentMethod.Card,
        "apple_pay" or "google_pay" => ShopPaymentMethod.Wallet,
        "gift_card" => ShopPaymentMethod.GiftCard,
        _ => ShopPaymentMethodValue.Custom(payment.Method),
    };

    public static ShopCheckoutSpan WithBasket(this ShopCheckoutSpan span, Basket basket) =>
        span.SetShopBasketItems(basket.Lines.Sum(l => l.Quantity));

    public static ShopCheckoutSpan WithLoyalty(this ShopCheckoutSpan span, Pseudonymizer pseudonymizer, string? loyaltyCardNumber) =>
        loyaltyCardNumber is null ? span : span.SetShopLoyaltyCard(pseudonymizer.PseudonymizeShopLoyaltyCard(loyaltyCardNumber)); // clean precision-pseudonym

    public static ShopCheckoutSpan WithLoyaltyNote(this ShopCheckoutSpan span, string? loyaltyCardNumber) =>
        loyaltyCardNumber is null ? span : span.SetShopNote("loyalty:" + loyaltyCardNumber); // leak TC1001 direct

    public static ShopCheckoutSpan WithPayment(this ShopCheckoutSpan span, PaymentResult payment) =>
        span.SetShopOrderId(payment.OrderId) // clean precision-about
            .SetShopPaymentMethod(MethodOf(payment)) // clean generated-api
            .SetShopNote($"auth {payment.AuthorisationCode}, card ending {payment.CardLastFour}"); // clean precision-about
}

/// <summary>The shop's telemetry facade, one instance per process.</summary>
public interface IShopTelemetry
{
    ShopCheckoutSpan Begin(Basket basket);

    void Placed(Basket basket, PaymentResult payment, TimeSpan elapsed);
}

public sealed class ShopTelemetry(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<ShopTelemetry> logger) : IShopTelemetry
{
    private readonly Counter<long> _repeatCustomers = meter.CreateCounter<long>("shop.repeat_customers");

    public ShopCheckoutSpan Begin(Basket basket)
    {
        var span = source.StartShopCheckout(pseudonymizer.PseudonymizeShopCustomerId(basket.CustomerNumber), basket.StoreCode, spanName: $"checkout {basket.BasketId}"); // clean precision-about
        span.WithBasket(basket) // clean precision-about
            .WithLoyalty(pseudonymizer, basket.LoyaltyCardNumber); // clean precision-pseudonym
        span.Activity?.SetTag(ShopAttributes.CustomerEmail, basket.CustomerEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("shop.customer.email_domain", basket.CustomerEmail[(basket.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about
        return span;
    }

    public void Placed(Basket basket, PaymentResult payment, TimeSpan elapsed)
    {
        var customer = pseudonymizer.PseudonymizeShopCustomerId(basket.CustomerNumber);
        var loyalty = basket.LoyaltyCardNumber is { } card ? pseudonymizer.PseudonymizeShopLoyaltyCard(card) : (Pseudonym?)null;
        var band = CheckoutSpanExtensions.BandOf(basket.Total);
        logger.LogShopOrderPlacedEvent(payment.OrderId, basket.StoreCode, customer, loyalty, band); // clean precision-pseudonym
        logger.LogShopOrderPlacedEvent(payment.OrderId, basket.StoreCode, customer, shopBasketBand: band, shopNote: $"loyalty card {basket.LoyaltyCardNumber}"); // leak TC1001 generated-api
        meter.CreateShopCheckoutsCounter().Add(1, basket.StoreCode, CheckoutSpanExtensions.MethodOf(payment), band); // clean precision-about
        meter.CreateShopCheckoutDurationHistogram().Record(elapsed.TotalSeconds, basket.StoreCode, CheckoutSpanExtensions.MethodOf(payment));
        meter.CreateShopCheckoutsCounter().Add(1, basket.StoreCode, shopBasketBand: basket.CustomerNumber); // leak TC1003 generated-api
        _repeatCustomers.Add(1, new KeyValuePair<string, object?>("shop.customer", customer)); // leak TC1003 precision-pseudonym
        _repeatCustomers.Add(1, new KeyValuePair<string, object?>("shop.store", basket.StoreCode)); // clean precision-about
    }
}

public static class ShopTelemetryRegistration
{
    public static IServiceCollection AddShopTelemetry(this IServiceCollection services) =>
        services.AddSingleton<IShopTelemetry, ShopTelemetry>();
}
