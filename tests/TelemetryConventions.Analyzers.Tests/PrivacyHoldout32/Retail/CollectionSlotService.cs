using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Retail;

public sealed record CollectionSlotRequest(Guid OrderId, string CustomerId, string StoreId, Guid SlotId, string Email, string? LoyaltyCardNumber, string? Phone);

public sealed record CollectionSlot(Guid Id, string StoreId, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Reserved);

public interface ICollectionSlotStore
{
    Task<CollectionSlot?> FindAsync(Guid slotId, CancellationToken cancellationToken);

    Task ReserveAsync(CollectionSlot slot, Guid orderId, CancellationToken cancellationToken);
}

/// <summary>Click-and-collect: the customer picks a one-hour collection slot at the store at checkout.</summary>
[ApiController]
[Route("api/orders/{orderId}/collection-slot")]
public sealed class CollectionSlotController(ICollectionSlotStore slots, Pseudonymizer pseudonymizer, Meter meter, ILogger<CollectionSlotController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.ClickAndCollect");
    private readonly Counter<long> _loyaltySlots = meter.CreateCounter<long>("collect.slots.loyalty");

    [HttpPost]
    public async Task<ActionResult> Reserve(Guid orderId, [FromBody] CollectionSlotRequest request, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderId"] = orderId, ["CustomerId"] = request.CustomerId }); // leak TC1001 logging-objects
        using var span = Source.StartBookingReserve(request.StoreId, spanName: "collect.reserve");
        span.SetBookingSubjectId(pseudonymizer.PseudonymizeBookingSubjectId(request.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("collect.order_id", orderId); // clean precision-about
        Activity.Current?.SetTag("customer.id", request.CustomerId); // leak TC1001 direct

        var slot = await slots.FindAsync(request.SlotId, cancellationToken);
        if (slot is null)
        {
            logger.LogWarning("Unknown collection slot in {Request}", request); // leak TC1001 logging-objects
            return NotFound("No such collection slot.");
        }

        // Slots take a fifth more orders than lockers: customers collect late or not at all.
        if (slot.Reserved >= slot.Capacity * 6 / 5)
        {
            span.AddBookingRejectedEvent($"slot {slot.Id} full at {slot.StoreId}"); // clean precision-about
            return BadRequest("That slot is full.");
        }

        await slots.ReserveAsync(slot, orderId, cancellationToken);
        span.SetBookingOutcome(slot.Reserved >= slot.Capacity ? "overbooked" : "reserved");
        logger.LogInformation("Slot {SlotId} at {Store} now {Reserved}/{Capacity}", slot.Id, slot.StoreId, slot.Reserved + 1, slot.Capacity); // clean precision-about
        meter.CreateBookingConfirmationsCounter().Add(1, bookingSite: slot.StoreId, bookingOutcome: new MailAddress(request.Email).Host); // clean precision-about
        meter.CreateBookingLeadTimeHistogram().Record((slot.Start - DateTimeOffset.UtcNow).TotalDays, bookingChannel: request.Phone is null ? "email" : "sms", bookingSite: slot.StoreId); // clean precision-names
        if (request.LoyaltyCardNumber is { } card)
        {
            _loyaltySlots.Add(1, new KeyValuePair<string, object?>("store", slot.StoreId), new KeyValuePair<string, object?>("loyalty.card", card)); // leak TC1003 direct
        }

        Activity.Current?.SetTag("customer.email_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Email.ToLowerInvariant())))); // leak TC1002 hashes
        return Ok(new { slot.Id, slot.Start, slot.End });
    }
}
