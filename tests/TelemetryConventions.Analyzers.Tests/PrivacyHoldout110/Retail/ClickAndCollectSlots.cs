namespace PrivacyHoldout110.Retail;

public sealed record CollectionOrder(string OrderId, string CustomerNumber, string FirstName, string Mobile, string Store, string SlotId, int Bags);

/// <summary>
/// Click-and-collect: customers choose an hour slot at their store, get a "ready to collect" text, and the
/// SMS provider posts delivery receipts and replies back to us.
/// </summary>
public sealed class ClickAndCollectSlots(
    IBookingEngine engine,
    MessagingOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<ClickAndCollectSlots> logger)
{
    private static readonly ActivitySource Source = new("Stores.ClickAndCollect");
    private static readonly Meter Meter = new("Stores.ClickAndCollect");
    private static readonly ObservableGauge<int> Remaining = Meter.CreateObservableGauge("collect.slots.remaining", () => 0);
    private static readonly Counter<long> Receipts = Meter.CreateCounter<long>("collect.sms.receipts");

    public async Task<IReadOnlyList<Slot>> SlotsAsync(string store, DateOnly day, string? customerNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartCollectbookBooking(store);
        var result = await engine.SearchAsync(new AvailabilityQuery("collection", store, day, day, TimeSpan.FromHours(1)), cancellationToken);
        var open = result.Slots.Where(s => s.Remaining > 0).ToList();
        span.SetCollectbookSlotsAvailable(open.Count); // clean generated-api
        logger.LogDebug("Open collection slots at {Store}: {SlotIds}", store, string.Join(",", open.Select(s => s.SlotId))); // clean strings
        if (customerNumber is not null)
        {
            span.SetCollectbookCustomerId(pseudonymizer.PseudonymizeCollectbookCustomerId(customerNumber)); // clean precision-pseudonym
            logger.LogDebug("Slots asked by signed-in customer {Customer}", customerNumber); // leak TC1001 direct
        }
        return open;
    }

    public async Task ReadyAsync(CollectionOrder order, CancellationToken cancellationToken)
    {
        using var span = Source.StartCollectbookReminder("sms").SetCollectbookSlotId(order.SlotId); // clean precision-names
        span.Activity?.SetTag("order.id", order.OrderId); // clean precision-names
        span.Activity?.SetTag("order.bags", order.Bags); // clean precision-about
        var text = $"Hi {order.FirstName}, order {order.OrderId} is ready at {order.Store}. Show this text at the desk.";
        span.Activity?.SetTag("sms.length", text.Length); // clean precision-about
        span.SetCollectbookNote(text); // leak TC1001 generated-api
        try
        {
            var message = await MessageResource.CreateAsync(order.Mobile, options.SenderId, text);
            span.SetCollectbookOutcome(message.Status); // clean generated-api
            logger.LogInformation("Ready text {Sid} sent to {To}", message.Sid, message.To); // leak TC1001 direct
            Meter.CreateCollectbookBookingsCounter().Add(1, order.Store, "sms", "ready_sent"); // clean generated-api
        }
        catch (ApiException ex)
        {
            span.SetCollectbookOutcome("sms_failed").RecordException(ex, $"twilio {ex.Code}"); // clean exceptions
            logger.LogCollectbookBookingFailedEvent(order.Store, "sms_failed", collectbookNote: ex.Message); // leak TC1001 exceptions
        }
    }

    public void StatusCallback(SmsStatusCallback callback)
    {
        using var activity = Source.StartActivity("sms.status", ActivityKind.Server);
        activity?.SetTag("sms.sid", callback.MessageSid).SetTag("sms.status", callback.MessageStatus); // clean precision-names
        logger.LogInformation("Delivery receipt {Receipt}", callback); // leak TC1001 logging-objects
        Receipts.Add(1, new KeyValuePair<string, object?>("status", callback.MessageStatus), new("error", callback.ErrorCode)); // clean precision-about
        activity?.SetTag("sms.to.country", callback.To[..3]); // clean precision-about
    }

    public void InboundReply(InboundSms reply, string orderId)
    {
        using var activity = Source.StartActivity("sms.reply", ActivityKind.Server);
        var cancel = reply.Body.Trim().Equals("C", StringComparison.OrdinalIgnoreCase);
        activity?.SetTag("sms.reply.cancel", cancel); // clean precision-about
        activity?.SetTag("sms.reply.from", reply.From); // leak TC1001 direct
        activity?.SetTag("order.id", orderId); // clean precision-names
        if (!cancel)
        {
            logger.LogInformation("Reply to order {OrderId} not understood: {Body}", orderId, reply.Body); // leak TC1001 strings
        }
    }
}
