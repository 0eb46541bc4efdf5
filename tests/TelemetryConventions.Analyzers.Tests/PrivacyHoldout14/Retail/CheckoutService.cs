using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record PaymentCard(string Pan, string Expiry, string Scheme);

public sealed record Basket(
    string BasketId,
    string StoreCode,
    string CustomerNumber,
    string? LoyaltyCardNumber,
    string ReceiptEmail,
    string? Phone,
    string? PromotionCode,
    IReadOnlyList<BasketLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

public interface ILoyaltyDirectory
{
    ValueTask<string> TierOfAsync(string loyaltyCardNumber, CancellationToken cancellationToken);

    ValueTask<int> PointsForAsync(string loyaltyCardNumber, decimal total, CancellationToken cancellationToken);
}

public interface IPaymentGateway
{
    ValueTask<(bool Approved, string Code)> AuthoriseAsync(PaymentCard card, decimal amount, CancellationToken cancellationToken);
}

public sealed class CheckoutTelemetryOptions
{
    public bool TraceCustomerNumbers { get; init; }

    public string[] PilotStores { get; init; } = [];
}

public sealed class CheckoutService(
    ILoyaltyDirectory loyalty,
    IPaymentGateway payments,
    ILogger<CheckoutService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<CheckoutTelemetryOptions> options)
{
    private readonly Histogram<double> _basketValue = meter.CreateHistogram<double>("shop.basket.value", "GBP");
    private readonly Counter<long> _points = meter.CreateCounter<long>("shop.loyalty.points");

    public async Task<bool> CheckoutAsync(Basket basket, PaymentCard card, ShopPaymentMethod method, CancellationToken cancellationToken)
    {
        using var span = ShopTelemetry.Source.StartShopCheckout(basket.StoreCode).SetShopCustomerId(pseudonymizer.PseudonymizeShopCustomerId(basket.CustomerNumber)).SetShopBasketItems(basket.Lines.Count).SetShopPaymentMethod(method); // clean precision-pseudonym
        var activity = Activity.Current;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["BasketId"] = basket.BasketId, ["Customer"] = basket.CustomerNumber, ["Store"] = basket.StoreCode }); // leak TC1001 logging-objects

        activity?.SetTag("shop.basket.id", basket.BasketId);
        activity?.SetTag("payment.card.last4", card.Pan[^4..]); // clean precision-about
        activity?.SetTag("payment.card.masked", new MaskedPan(card.Pan).ToString()); // clean precision-about
        activity?.SetTag("customer.email.domain", basket.ReceiptEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("customer.has_phone", !string.IsNullOrEmpty(basket.Phone)); // clean precision-about

        if (basket.PromotionCode is { } promotion)
        {
            span.SetShopNote($"promotion {promotion} applied"); // clean generated-api
        }

        if (options.Value.TraceCustomerNumbers || options.Value.PilotStores.Contains(basket.StoreCode))
        {
            new ShopTags().Store(basket.StoreCode).Items(basket.Lines.Count).WithCustomer(basket.CustomerNumber).ApplyTo(activity); // leak TC1001 cross-member
        }
        else
        {
            new ShopTags().Store(basket.StoreCode).Items(basket.Lines.Count).WithCustomer(pseudonymizer.PseudonymizeShopCustomerId(basket.CustomerNumber)).ApplyTo(activity); // clean precision-pseudonym
        }

        var (approved, code) = await payments.AuthoriseAsync(card, basket.Total, cancellationToken);
        if (!approved)
        {
            new ShopTags().Outcome<Declined>().ApplyTo(activity); // clean direct
            span.SetShopNote($"declined ({code}), receipt to {basket.ReceiptEmail} cancelled"); // leak TC1001 generated-api
            logger.LogWarning("Card {Pan} declined with {Code}", card.Pan, code); // leak TC1001 direct
            return false;
        }

        new ShopTags().Outcome<Approved>().Set("payment.authorisation.code", code).ApplyTo(activity); // clean precision-names
        meter.CreateShopCheckoutsCounter().Add(1, shopStore: basket.StoreCode, shopPaymentMethod: method); // clean generated-api
        _basketValue.Record((double)basket.Total, ShopTelemetry.CheckoutTags(basket.StoreCode, method)); // clean cross-member

        if (CustomerContext.Current is { } customer)
        {
            _basketValue.Record((double)basket.Total, [.. ShopTelemetry.CheckoutTags(basket.StoreCode, method), new("customer.tier", customer.Tier)]); // clean precision-names
            activity?.SetTag(ShopAttributes.CustomerId, customer.Reference.Value); // clean precision-pseudonym
            logger.LogDebug("Checkout in context {Customer}", customer); // leak TC1001 logging-objects
        }

        if (basket.LoyaltyCardNumber is { } cardNumber)
        {
            var tier = await loyalty.TierOfAsync(cardNumber, cancellationToken);
            var points = await loyalty.PointsForAsync(cardNumber, basket.Total, cancellationToken);
            activity?.SetTag("shop.loyalty.tier", tier); // clean precision-about
            _points.Add(points, new KeyValuePair<string, object?>("shop.loyalty.card", cardNumber)); // leak TC1003 direct
            logger.LogLoyaltyCheckout(basket.StoreCode, cardNumber, points); // leak TC1001 cross-member
        }
        else
        {
            logger.LogCheckout(basket.StoreCode, basket.Lines.Count, basket.Total); // clean cross-member
        }

        return true;
    }
}
