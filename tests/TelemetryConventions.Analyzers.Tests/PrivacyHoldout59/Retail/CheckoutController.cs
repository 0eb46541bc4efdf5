using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyCorpus.Shared;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Retail;

public interface IPaymentGateway
{
    Task<string> AuthoriseAsync(CheckoutOrder order);
}

public sealed class PaymentDeclinedException(string declineCode, string cardLastFour)
    : Exception($"Card ending {cardLastFour} declined ({declineCode})")
{
    public string DeclineCode { get; } = declineCode;
}

public sealed class CustomerOnHoldException(string customerNumber, string reason)
    : Exception($"Customer {customerNumber} is on hold: {reason}");

[ApiController]
[Route("checkout")]
public sealed class CheckoutController(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<CheckoutTelemetryOptions> options,
    IEnumerable<ICheckoutEnricher> enrichers,
    IPaymentGateway payments,
    ILogger<CheckoutController> logger) : ControllerBase
{
    private readonly Counter<long> _ordersByField = meter.CreateCounter<long>("till.orders.by_field");

    [HttpPost("")]
    public async Task<ActionResult> Checkout([FromBody] CheckoutOrder order)
    {
        var o = options.Value;
        var customer = pseudonymizer.PseudonymizeTillCustomerId(order.CustomerNumber);
        using var span = source.StartTillCheckout(customer, order.Brand); // clean precision-pseudonym
        span.SetTillStore(order.Store).SetTillOrderId(order.OrderId).SetTillLineCount(order.Lines.Count); // clean precision-about
        var activity = span.Activity;

        foreach (var field in o.IncludeFields) if (OrderFields.All.TryGetValue(field, out var get)) activity?.SetTag("till." + field, get(order)); // leak TC1001 cross-member
        foreach (var field in o.IncludeFields.Where(OrderFields.BrandSafe.Contains)) activity?.SetTag("till.safe." + field, OrderFields.All[field](order)); // clean precision-about

        if (o.BrandFields.TryGetValue(order.Brand, out var brandFields))
        {
            foreach (var field in brandFields.Where(OrderFields.BrandSafe.Contains)) activity?.SetTag($"{order.Brand}.{field}", OrderFields.All[field](order)); // clean precision-about
            foreach (var field in brandFields) activity?.SetTag($"{order.Brand}.raw.{field}", OrderFields.All.GetValueOrDefault(field)?.Invoke(order)); // leak TC1001 cross-member
        }

        var context = new CheckoutContext(order, customer, "web");
        if (activity is not null)
        {
            foreach (var enricher in enrichers.Where(e => o.Enrichers.Contains(e.Name))) enricher.Enrich(activity, context); // leak TC1001 cross-member
            foreach (var enricher in enrichers.OfType<PaymentEnricher>()) enricher.Enrich(activity, context); // clean cross-member
        }

        activity?.SetTag($"{order.Brand}.customer.number", order.CustomerNumber); // leak TC1001 direct
        activity?.SetTag($"{order.Brand}.customer.tier", order.CustomerTier); // clean precision-names
        activity?.SetTag("till.basket.key", $"{order.CustomerNumber}/{order.BasketId}"); // leak TC1001 strings
        activity?.SetTag("till.basket.route", $"{order.Brand}:{order.Store}:{order.BasketId}"); // clean strings
        activity?.SetTag("till.customer.email_domain", order.CustomerEmail[(order.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(TillAttributes.CustomerEmail, order.CustomerEmail); // leak TC1001 generated-api
        activity?.SetTag("till.customer.cohort", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(order.CustomerEmail)))[..6]); // leak TC1002 hashes

        var fieldTags = new TagList { { "till.brand", order.Brand } };
        foreach (var field in o.IncludeFields)
        {
            if (OrderFields.All.TryGetValue(field, out var get))
            {
                fieldTags.Add("till." + field, get(order));
            }
        }
        _ordersByField.Add(1, fieldTags); // leak TC1003 cross-member

        try
        {
            var authorisation = await payments.AuthoriseAsync(order);
            span.SetTillPaymentMethod(order.PaymentMethod switch { "wallet" => TillPaymentMethod.Wallet, "gift_card" => TillPaymentMethod.GiftCard, _ => TillPaymentMethod.Card });
            activity?.SetTag("till.payment.authorisation", authorisation); // clean direct
        }
        catch (PaymentDeclinedException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.DeclineCode); // clean exceptions
            span.SetTillNote($"declined {ex.DeclineCode} for order {order.OrderId}"); // clean generated-api
            return BadRequest(ex.DeclineCode);
        }
        catch (CustomerOnHoldException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetTillNote(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Checkout blocked: {Reason}", ex.Message); // leak TC1001 exceptions
            return BadRequest("on hold");
        }

        var note = string.Join(", ", o.IncludeFields.Where(OrderFields.All.ContainsKey).Select(f => $"{f}={OrderFields.All[f](order)}"));
        logger.LogTillOrderPlacedEvent(order.OrderId, order.Brand, customer, note); // leak TC1001 generated-api
        logger.LogTillOrderPlacedEvent(order.OrderId, order.Brand, customer, $"{order.Lines.Count} lines, {order.Total:F2}"); // clean generated-api
        meter.CreateTillOrdersCounter().Add(1, order.Brand, TillPaymentMethodValue.Custom(order.PaymentMethod), order.Store); // clean precision-about

        if (o.LogOrderSummary)
        {
            var summary = OrderFields.BrandSafe.ToDictionary(f => f, f => OrderFields.All[f](order));
            logger.LogInformation("Order placed {@Summary}", summary); // clean logging-objects
            logger.LogInformation("Order placed {@Order}", order); // leak TC1001 logging-objects
            logger.LogInformation("Order fields {Fields}", o.IncludeFields); // clean precision-names
        }
        return Ok(order.OrderId);
    }
}
