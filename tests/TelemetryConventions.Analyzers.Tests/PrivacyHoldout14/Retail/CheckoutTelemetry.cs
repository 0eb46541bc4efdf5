using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Retail;

/// <summary>The customer a request acts for, set by the storefront's session middleware.</summary>
public sealed record CustomerContext(string CustomerNumber, string Tier, Pseudonym Reference)
{
    private static readonly AsyncLocal<CustomerContext?> Slot = new();

    public static CustomerContext? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }
}

/// <summary>A card number shown as the receipt shows it: only the last four digits.</summary>
public readonly struct MaskedPan(string pan) : ISpanFormattable
{
    private readonly string _last4 = pan.Length >= 4 ? pan[^4..] : pan;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite($"**** {_last4}", out charsWritten);

    public string ToString(string? format, IFormatProvider? formatProvider) => $"**** {_last4}";

    public override string ToString() => ToString(null, null);
}

/// <summary>What a payment can end as; each outcome names itself for telemetry.</summary>
public interface IPaymentOutcome<TSelf>
    where TSelf : IPaymentOutcome<TSelf>
{
    static abstract string Outcome { get; }

    static abstract bool Retryable { get; }
}

public sealed record Approved(string AuthorisationCode) : IPaymentOutcome<Approved>
{
    public static string Outcome => "approved";

    public static bool Retryable => false;
}

public sealed record Declined(string Reason) : IPaymentOutcome<Declined>
{
    public static string Outcome => "declined";

    public static bool Retryable => true;
}

/// <summary>The storefront team's fluent builder of span tags.</summary>
public sealed class ShopTags
{
    private readonly Dictionary<string, object?> _tags = new(StringComparer.Ordinal);

    public ShopTags Store(string storeCode) => Set(ShopAttributes.Store, storeCode);

    public ShopTags Items(int count) => Set(ShopAttributes.BasketItems, count);

    public ShopTags WithCustomer(string customerNumber) => Set("shop.customer", customerNumber);

    public ShopTags WithCustomer(Pseudonym customer) => Set(ShopAttributes.CustomerId, customer.Value);

    public ShopTags Outcome<TOutcome>()
        where TOutcome : IPaymentOutcome<TOutcome> =>
        Set("shop.payment.outcome", TOutcome.Outcome).Set("shop.payment.retryable", TOutcome.Retryable);

    public ShopTags Set(string key, object? value)
    {
        _tags[key] = value;
        return this;
    }

    public Activity? ApplyTo(Activity? activity)
    {
        foreach (var tag in _tags)
        {
            activity?.SetTag(tag.Key, tag.Value);
        }

        return activity;
    }
}

public static class ShopTelemetry
{
    public static readonly ActivitySource Source = new("Shop.Checkout");

    public static TagList CheckoutTags(string storeCode, ShopPaymentMethod method) =>
        new() { { ShopAttributes.Store, storeCode }, { ShopAttributes.PaymentMethod, method.ToWireValue() } };

    public static void LogCheckout(this ILogger logger, string storeCode, int items, decimal total) =>
        logger.LogInformation("Checkout at {StoreCode}: {Items} items, {Total}", storeCode, items, total); // clean direct

    public static void LogLoyaltyCheckout(this ILogger logger, string storeCode, string loyaltyCardNumber, int points) =>
        logger.LogInformation("Loyalty checkout at {StoreCode} for card {LoyaltyCard}: {Points} points", storeCode, loyaltyCardNumber, points); // leak TC1001 direct
}
