using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout5.Support;
using PrivacyHoldout5.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout5.Retail;

public sealed class CheckoutViewModel
{
    public string CustomerNumber { get; set; } = "";

    public string Email { get; set; } = "";

    public string? Phone { get; set; }

    public string? LoyaltyCardNumber { get; set; }

    public string Channel { get; set; } = "web";

    public string? PromoCode { get; set; }

    public List<BasketLine> Lines { get; set; } = [];
}

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record PlacedOrder(string OrderId, decimal Total);

public interface IOrderService
{
    Task<PlacedOrder> PlaceAsync(CheckoutViewModel model, CancellationToken cancellationToken);
}

public sealed class PaymentDeclinedException(string message) : Exception(message);

/// <summary>Controllers/CheckoutController.cs (MVC with views).</summary>
public sealed class CheckoutController(
    IOrderService orders,
    Pseudonymizer pseudonymizer,
    ILogger<CheckoutController> logger) : Controller
{
    private static readonly ActivitySource Source = new("Shop.Checkout");
    private static readonly Meter Meter = new("Shop.Checkout");
    private static readonly StorefrontOrdersCounter Orders = Meter.CreateStorefrontOrdersCounter();
    private static readonly Histogram<double> BasketValue = Meter.CreateHistogram<double>("shop.basket.value");

    public IActionResult Review(CheckoutViewModel model)
    {
        Activity.Current?.SetTag("shop.basket.lines", model.Lines.Count); // clean precision-about
        Activity.Current?.SetTag("shop.promo.code", model.PromoCode ?? "none"); // clean precision-names
        Activity.Current?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 cross-member
        logger.LogDebug("Reviewing checkout {@Model}", model); // leak TC1001 logging-objects
        return View(model);
    }

    public async Task<IActionResult> Place(CheckoutViewModel model, CancellationToken cancellationToken)
    {
        var customer = pseudonymizer.PseudonymizeStorefrontCustomerId(model.CustomerNumber);
        using var span = Source.StartStorefrontCheckout(customer, model.Channel) // clean generated-api
            .SetStorefrontLineCount(model.Lines.Count);
        try
        {
            var order = await orders.PlaceAsync(model, cancellationToken);
            span.SetStorefrontOrderId(order.OrderId); // clean generated-api
            Orders.Add(1, model.Channel); // clean generated-api
            BasketValue.Record((double)order.Total, new KeyValuePair<string, object?>("shop.customer", customer.Value)); // leak TC1003 precision-pseudonym
            BasketValue.Record((double)order.Total, new KeyValuePair<string, object?>("shop.channel", model.Channel)); // clean precision-names
            span.Activity?.SetTag(StorefrontAttributes.CustomerEmail, model.Email); // leak TC1001 generated-api
            span.Activity?.SetTag(StorefrontAttributes.CustomerId, model.CustomerNumber); // leak TC1001 generated-api
            logger.LogInformation(string.Format(CultureInfo.InvariantCulture, "Order {0} placed by {1} for {2:C}", order.OrderId, model.Email, order.Total)); // leak TC1001 strings
            logger.LogInformation("Order {OrderId} placed for {Total}", order.OrderId, order.Total); // clean precision-names
            return RedirectToAction("Confirmation", new { id = order.OrderId });
        }
        catch (PaymentDeclinedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Payment declined for {Customer}", customer); // clean precision-pseudonym
            ModelState.AddModelError("", "Your payment was declined.");
            return View("Review", model);
        }
    }

    public IActionResult Contact(CheckoutViewModel model)
    {
        var loyalty = model.LoyaltyCardNumber;
        var masked = loyalty is { Length: > 4 } ? "****" + loyalty[^4..] : "none";
        Activity.Current?.SetTag("shop.loyalty.card", masked); // clean precision-about
        Activity.Current?.SetTag("shop.loyalty.card_number", loyalty); // leak TC1001 direct
        var reachable = model.Phone ?? model.Email;
        Activity.Current?.SetTag("shop.contact.preferred", reachable); // leak TC1001 direct
        Activity.Current?.SetTag("shop.contact.kind", model.Phone is null ? "email" : "phone"); // clean precision-about
        return View(model);
    }
}

/// <summary>Writes the end-of-day receipt digest the operations channel reads.</summary>
public static class ReceiptDigest
{
    public static void Write(ILogger logger, IReadOnlyList<(string OrderId, string CustomerEmail, decimal Total)> receipts)
    {
        var digest = new StringBuilder();
        foreach (var (orderId, _, total) in receipts)
        {
            digest.AppendFormat(CultureInfo.InvariantCulture, "{0}:{1:F2};", orderId, total);
        }
        logger.LogInformation("Receipts {Digest}", digest.ToString()); // clean strings

        var contacts = new StringBuilder();
        foreach (var receipt in receipts)
        {
            contacts.AppendFormat(CultureInfo.InvariantCulture, "{0} <{1}>\n", receipt.OrderId, receipt.CustomerEmail);
        }
        logger.LogDebug("Receipt contacts {Contacts}", contacts); // leak TC1001 strings
    }
}
