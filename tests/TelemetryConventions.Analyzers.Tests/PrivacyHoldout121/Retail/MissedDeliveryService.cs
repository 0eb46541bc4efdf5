namespace PrivacyHoldout121.Retail;

/// <summary>The customer's redelivery request from the "sorry we missed you" page.</summary>
public sealed record RedeliveryRequest(string CardReference, string TrackingNumber, DateOnly Date, string Postcode, string? Mobile);

/// <summary>Handles missed deliveries: the card left, the text to the customer, redelivery and return to the warehouse after the last attempt.</summary>
public sealed class MissedDeliveryService(
    ICarrierClient carrier,
    IDeliveryNotifier notifier,
    IOrderShipments shipments,
    DeliveryOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<MissedDeliveryService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Delivery.Missed");
    private static readonly Meter Meter = new("Shop.Delivery.Missed");
    private static readonly Counter<long> Missed = Meter.CreateCounter<long>("shopship.missed");

    public async Task OnAttemptAsync(DeliveryAttempt attempt, OrderShipment order, string mobile, CancellationToken cancellationToken)
    {
        using var span = Source.StartShopshipDelivery(attempt.ShipmentId, order.Carrier)
            .SetShopshipAttempt(attempt.Attempt) // clean precision-about
            .SetShopshipOutcome(attempt.Outcome.ToString()) // clean generated-api
            .SetShopshipRecipientId(pseudonymizer.PseudonymizeShopshipRecipientId(order.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("shopship.card_reference", attempt.CardReference); // clean precision-names
        span.Activity?.SetTag("shopship.attempt.position", attempt.Position); // leak TC1001 logging-objects
        Missed.Add(1, new KeyValuePair<string, object?>("outcome", attempt.Outcome.ToString()), new KeyValuePair<string, object?>("attempt", attempt.Attempt)); // clean precision-about
        logger.LogInformation("Attempt {Attempt}", attempt); // leak TC1001 logging-objects

        var text = $"Sorry we missed you. Rebook with card {attempt.CardReference} at https://shop.example/redeliver";
        await notifier.SendSmsAsync(mobile, text, cancellationToken);
        logger.LogInformation("Missed delivery text sent to {Mobile}", mobile); // leak TC1001 direct
        logger.LogInformation("Missed delivery text sent to a {Prefix} number", mobile[..3]); // clean precision-about
        span.Activity?.SetTag(ShopshipAttributes.RecipientContact, pseudonymizer.Compute("customer.mobile", mobile)); // leak TC1001 precision-pseudonym

        if (attempt.Attempt >= options.MaxAttempts)
        {
            span.SetShopshipOutcome("returned").SetShopshipNote($"{options.MaxAttempts} attempts, back to warehouse"); // clean generated-api
            logger.LogWarning("Last attempt for {OrderId}, returning to sender ({Email} to be refunded)", order.OrderId, order.CustomerEmail); // leak TC1001 direct
        }
    }

    public async Task<ActionResult> RebookAsync(RedeliveryRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("redelivery.card", request.CardReference); // clean precision-names
        activity?.SetTag("redelivery.date", request.Date.ToString("O")); // clean precision-names
        activity?.SetTag("redelivery.postcode", request.Postcode); // leak TC1001 direct
        activity?.SetTag("redelivery.district", Postcodes.District(request.Postcode)); // clean precision-about
        try
        {
            await carrier.RequestRedeliveryAsync(request.TrackingNumber, request.Date, cancellationToken);
        }
        catch (PostcodeNotServedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return new BadRequestResult("not served");
        }
        catch (CarrierApiException ex) when (ex.Status == 409)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Redelivery for card {Card} already booked", request.CardReference); // clean exceptions
            return new BadRequestResult("already booked");
        }
        logger.LogInformation("Redelivery booked {Request}", request); // leak TC1001 logging-objects
        return new OkResult(null);
    }
}
