using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Retail;

public sealed record DeliveryAddress(string Line1, string Town, string Postcode);

public sealed record CustomerOrder(string OrderNumber, string CustomerNumber, string Status, DateOnly? DeliveryDate, DeliveryAddress Address, string StoreId);

public sealed record LoyaltyMember(string CardNumber, string CustomerNumber, string Tier, int Points);

public interface IOrders
{
    Task<CustomerOrder?> FindAsync(string orderNumber, CancellationToken cancellationToken);
}

public interface ILoyalty
{
    Task<LoyaltyMember?> FindByCardAsync(string cardNumber, CancellationToken cancellationToken);
}

internal static class IvrTelemetry
{
    /// <summary>Records what the caller keyed at a node, as the IVR's journey dashboards expect.</summary>
    public static void Keyed(Activity? activity, string node, string? digits)
    {
        activity?.AddEvent(new ActivityEvent("ivr.keyed", tags: new ActivityTagsCollection { ["ivr.node"] = node, ["ivr.digits"] = digits }));
    }
}

/// <summary>The order line: "where is my order" by order number, and loyalty balance by card number.</summary>
[ApiController]
[Route("voice/orders")]
public sealed class OrderStatusLine(
    IOrders orders,
    ILoyalty loyalty,
    Pseudonymizer pseudonymizer,
    ILogger<OrderStatusLine> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Shop.Telephony.Orders");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("ivr.order.lookups");

    [HttpPost("status")]
    public async Task<ActionResult> Status([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        IvrTelemetry.Keyed(activity, "order-number", form.Digits); // clean cross-member
        var order = await orders.FindAsync(form.Digits ?? string.Empty, cancellationToken);
        activity?.SetTag("order.number", form.Digits); // clean direct
        activity?.SetTag("order.status", order?.Status);
        activity?.SetTag("order.store", order?.StoreId);
        Lookups.Add(1, new KeyValuePair<string, object?>("order.found", order is not null), new KeyValuePair<string, object?>("order.status", order?.Status));
        if (order is null)
        {
            return Ok(new VoiceResponse().Say("Sorry, we could not find that order.").Redirect("/voice/orders/menu").ToString());
        }

        var say = order.DeliveryDate is { } day
            ? $"Your order {string.Join(' ', order.OrderNumber.ToCharArray())} will be delivered to {order.Address.Line1}, {order.Address.Postcode} on {day:dddd d MMMM}."
            : $"Your order {string.Join(' ', order.OrderNumber.ToCharArray())} is {order.Status}.";
        var twiml = new VoiceResponse().Say(say).Gather("/voice/orders/menu", numDigits: 1, prompt: "To hear that again press 1, to speak to us press 0.").ToString();
        logger.LogDebug("Order line TwiML: {Twiml}", twiml); // leak TC1001 strings
        activity?.SetTag("order.delivery.district", order.Address.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("order.customer.ref", pseudonymizer.ComputeCallCallerId(order.CustomerNumber)); // clean precision-pseudonym
        return Ok(twiml);
    }

    [HttpPost("loyalty")]
    public async Task<ActionResult> LoyaltyBalance([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        IvrTelemetry.Keyed(activity, "loyalty-card", form.Digits); // leak TC1001 cross-member
        var member = await loyalty.FindByCardAsync(form.Digits ?? string.Empty, cancellationToken);
        activity?.SetTag("loyalty.card.last4", form.Digits is { Length: >= 4 } d ? d[^4..] : null); // clean precision-about
        activity?.SetTag("loyalty.tier", member?.Tier); // clean precision-about
        if (member is null)
        {
            logger.LogInformation("Loyalty card {Card} not recognised on {CallSid}", form.Digits, form.CallSid); // leak TC1001 direct
            return Ok(new VoiceResponse().Say("Sorry, we could not find that card.").Hangup().ToString());
        }

        logger.LogInformation("Balance read out for {Member} on {CallSid}", member, form.CallSid); // leak TC1001 logging-objects
        return Ok(new VoiceResponse().Say($"You have {member.Points} points.").Hangup().ToString());
    }
}
