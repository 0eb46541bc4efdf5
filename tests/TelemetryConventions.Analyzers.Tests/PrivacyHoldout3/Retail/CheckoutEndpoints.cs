using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record CheckoutRequest(string BasketId, string? LoyaltyNumber, string PaymentMethod, IReadOnlyList<BasketLine> Lines, string? VoucherCode);

public sealed record CheckoutResult(string OrderId, decimal Total, int PointsEarned);

public sealed class LoyaltyOptions
{
    public decimal PointsPerPound { get; set; } = 1m;

    public required byte[] ShardKey { get; set; }

    public string Salt { get; set; } = "retail-2019";
}

/// <summary>Resolves who is checking out: the loyalty card on the basket, else the signed-in account.</summary>
public sealed class ShopperResolver(IHttpContextAccessor accessor)
{
    public string? CurrentShopper { get; private set; }

    public string Resolve(CheckoutRequest request)
    {
        var fromToken = accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        CurrentShopper = request.LoyaltyNumber ?? fromToken ?? "guest";
        return CurrentShopper;
    }

    public bool TryGetEmail(out string email)
    {
        email = accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Email) ?? string.Empty;
        return email.Length > 0;
    }

    public (string Shopper, bool IsMember) Describe(CheckoutRequest request) => (Resolve(request), request.LoyaltyNumber is not null);
}

public sealed class CheckoutService(
    ShopperResolver shoppers,
    IOptions<LoyaltyOptions> options,
    Pseudonymizer pseudonymizer,
    ILogger<CheckoutService> logger,
    Meter meter,
    ActivitySource source)
{
    private readonly Histogram<double> _basketValue = meter.CreateHistogram<double>("basket.value", "GBP");

    public async Task<CheckoutResult> CheckoutAsync(CheckoutRequest request, CancellationToken ct)
    {
        var shopper = shoppers.Resolve(request);
        using var span = source.StartBasketCheckout(pseudonymizer.PseudonymizeBasketCustomerId(shopper));
        span.SetBasketBasketId(request.BasketId).SetBasketItemsCount(request.Lines.Sum(l => l.Quantity)); // clean generated-api

        BasketPaymentValue payment = request.PaymentMethod switch
        {
            "card" => BasketPayment.Card,
            "wallet" => BasketPayment.Wallet,
            _ => BasketPaymentValue.Custom(request.PaymentMethod),
        };
        span.SetBasketPayment(payment); // clean generated-api

        var (who, isMember) = shoppers.Describe(request);
        Activity.Current?.SetTag("basket.member", isMember); // clean cross-member
        Activity.Current?.SetTag("basket.shopper", who); // leak TC1001 cross-member
        Activity.Current?.SetTag("basket.shopper_known", shoppers.CurrentShopper != "guest"); // clean cross-member

        if (shoppers.TryGetEmail(out var email))
        {
            logger.LogInformation("Receipt will go to {Email}", email); // leak TC1001 cross-member
            logger.LogInformation("Receipt domain {Domain}", email[(email.LastIndexOf('@') + 1)..]); // clean precision-about
        }

        var total = request.Lines.Sum(l => l.Quantity * l.UnitPrice);
        _basketValue.Record((double)total, new KeyValuePair<string, object?>("basket.payment", request.PaymentMethod)); // clean direct
        _basketValue.Record((double)total, new KeyValuePair<string, object?>("basket.loyalty", request.LoyaltyNumber)); // leak TC1003 direct

        var points = (int)(total * options.Value.PointsPerPound);
        var orderId = await PlaceOrderAsync(request, ct);
        logger.LogInformation(FormattableString.Invariant($"Order {orderId} earned {points} points for card {request.LoyaltyNumber}")); // leak TC1001 strings
        logger.LogInformation(FormattableString.Invariant($"Order {orderId} earned {points} points")); // clean strings
        return new CheckoutResult(orderId, total, points);
    }

    public void TagLoyaltyShard(string loyaltyNumber)
    {
        using var hmac = new HMACSHA256(options.Value.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(loyaltyNumber))[0] % 32;
        Activity.Current?.SetTag("basket.loyalty.shard", shard); // clean hashes

        var legacy = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Salt + loyaltyNumber)));
        Activity.Current?.SetTag("basket.loyalty.legacy_ref", legacy); // leak TC1002 hashes

        var lookupKey = HashCode.Combine(loyaltyNumber, "basket");
        Activity.Current?.SetTag("basket.loyalty.lookup_key", lookupKey); // leak TC1002 hashes

        var macKeyed = HMACSHA256.HashData(options.Value.ShardKey, Encoding.UTF8.GetBytes(loyaltyNumber));
        Activity.Current?.SetTag("basket.loyalty.ref", Convert.ToHexString(macKeyed, 0, 12)); // clean hashes
    }

    private static Task<string> PlaceOrderAsync(CheckoutRequest request, CancellationToken ct) =>
        Task.FromResult("ORD-" + request.BasketId.ToUpperInvariant());
}
