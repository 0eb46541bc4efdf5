using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout7.Support;
using PrivacyHoldout7.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout7.Retail;

public sealed record Address(string Line1, string City, string Postcode, string CountryCode);

public sealed record Shopper(string ShopperId, string Email, string Phone, string LoyaltyNumber, Address Billing);

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Basket(string BasketId, Shopper Shopper, IReadOnlyList<BasketLine> Lines, string? VoucherCode);

public sealed record CheckoutSummary(string BasketId, string ShopperEmail, decimal Total, int ItemCount);

public static class CheckoutMapping
{
    public static CheckoutSummary ToSummary(this Basket basket) =>
        new(basket.BasketId, basket.Shopper.Email, basket.Lines.Sum(l => l.Quantity * l.UnitPrice), basket.Lines.Sum(l => l.Quantity));
}

public sealed class ReceiptProfile : Profile
{
    public ReceiptProfile()
    {
        CreateMap<Basket, CheckoutSummary>()
            .ForMember(d => d.ShopperEmail, o => o.MapFrom(s => s.Shopper.Email));
    }
}

public interface IStockService
{
    Task<bool> ReserveAsync(string sku, int quantity);
}

public interface IPaymentGateway
{
    Task<(bool Approved, string AuthorisationCode, string CardLast4)> AuthoriseAsync(Shopper shopper, decimal amount);
}

public sealed class CheckoutValidator
{
    public ValidationResult Validate(Basket basket)
    {
        var result = new ValidationResult();
        if (basket.Lines.Count == 0)
        {
            result.Errors.Add(new ValidationFailure("Lines", "The basket is empty", basket.Lines.Count));
        }

        if (string.IsNullOrWhiteSpace(basket.Shopper.Phone))
        {
            result.Errors.Add(new ValidationFailure("Phone", $"Shopper {basket.Shopper.Email} has no phone number for delivery", null));
        }

        return result;
    }
}

public sealed class CheckoutPipeline(CheckoutValidator validator, IStockService stock, IPaymentGateway payments, IMapper mapper, Pseudonymizer pseudonymizer, Meter meter, ILogger<CheckoutPipeline> logger)
{
    private static readonly ActivitySource Source = new("Basket.Checkout");

    private static readonly Action<ILogger, string, decimal, Exception?> CheckoutCompleted =
        LoggerMessage.Define<string, decimal>(LogLevel.Information, new EventId(300, "CheckoutCompleted"), "Checkout {BasketId} completed for {Total}");

    private static readonly Action<ILogger, string, Exception?> CheckoutDeclined =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(301, "CheckoutDeclined"), "Payment declined for shopper {ShopperEmail}");

    private readonly Counter<long> _checkouts = meter.CreateCounter<long>("basket.checkouts");

    public async Task<bool> CheckoutAsync(Basket basket, ActivityContext parent)
    {
        var tags = new[]
        {
            new KeyValuePair<string, object?>("basket.id", basket.BasketId),
            new KeyValuePair<string, object?>("basket.lines", basket.Lines.Count),
        };
        using var activity = Source.StartActivity("checkout", ActivityKind.Internal, parent, tags); // clean precision-names
        using var withShopper = Source.StartActivity("checkout shopper", ActivityKind.Internal, parent, new[] { new KeyValuePair<string, object?>("basket.shopper.loyalty", basket.Shopper.LoyaltyNumber) }); // leak TC1001 direct

        var validation = validator.Validate(basket);
        foreach (var failure in validation.Errors)
        {
            logger.LogWarning("Checkout validation failed: {Message}", failure.ErrorMessage); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("basket.validation.failed", tags: new ActivityTagsCollection { ["property"] = failure.PropertyName })); // clean strings
        }

        var reservations = await Task.WhenAll(basket.Lines.Select(l => stock.ReserveAsync(l.Sku, l.Quantity)));
        activity?.SetTag("basket.reserved.lines", reservations.Count(r => r)); // clean precision-about

        var summary = basket.ToSummary();
        var (approved, authorisationCode, cardLast4) = await payments.AuthoriseAsync(basket.Shopper, summary.Total);
        activity?.SetTag("payment.card.last4", cardLast4); // clean precision-about
        activity?.SetTag("payment.authorisation", authorisationCode); // clean precision-names
        if (!approved)
        {
            CheckoutDeclined(logger, summary.ShopperEmail, null); // leak TC1001 cross-member
            var receipt = mapper.Map<CheckoutSummary>(basket);
            activity?.SetStatus(ActivityStatusCode.Error, "declined for " + receipt.ShopperEmail); // leak TC1001 cross-member
            return false;
        }

        CheckoutCompleted(logger, summary.BasketId, summary.Total, null); // clean cross-member
        var metricTags = MetricTags(basket);
        RecordCheckout(metricTags);
        RecordCheckout(new TagList { { "basket.country", basket.Shopper.Billing.CountryCode } }); // clean precision-about

        var shopper = pseudonymizer.PseudonymizeBasketShopperId(basket.Shopper.ShopperId);
        activity?.EnrichBasketCheckout(shopper).SetBasketCheckoutId(basket.BasketId).SetBasketItemCount(summary.ItemCount); // clean generated-api
        meter.CreateBasketCheckoutsCounter().Add(1); // clean generated-api
        logger.LogBasketCheckoutDelayedEvent(DescribeDelay(basket)); // leak TC1001 generated-api
        return true;
    }

    private void RecordCheckout(TagList tags) => _checkouts.Add(1, tags);

    private static TagList MetricTags(Basket basket)
    {
        var tags = new TagList { { "basket.voucher", basket.VoucherCode is null ? "none" : "applied" } };
        return tags;
    }

    public void RecordPhoneCheckout(Basket basket) =>
        RecordCheckout(new TagList { { "basket.shopper.phone", basket.Shopper.Phone } }); // leak TC1003 direct

    private static string DescribeDelay(Basket basket)
    {
        var sb = new StringBuilder();
        sb.Append("awaiting stock for ").Append(basket.Lines.Count).Append(" lines, contact ").Append(basket.Shopper.Phone);
        return sb.ToString();
    }

    public void TagReturningShopper(Activity? activity, Shopper shopper)
    {
        var emailHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shopper.Email.Trim().ToLowerInvariant())));
        activity?.SetTag("basket.shopper.email_sha256", emailHash); // leak TC1002 hashes
        activity?.SetTag("basket.shopper.has_phone", !string.IsNullOrEmpty(shopper.Phone)); // clean precision-about
        activity?.SetTag("basket.shopper.email_domain", shopper.Email.Split('@')[1]); // clean precision-about
    }
}
