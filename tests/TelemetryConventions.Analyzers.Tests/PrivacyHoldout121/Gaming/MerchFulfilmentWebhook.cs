namespace PrivacyHoldout121.Gaming;

/// <summary>A merch store order: a collector's edition or hoodie for a player.</summary>
public sealed record MerchOrder(string OrderId, Guid PlayerId, string Gamertag, string Sku, string Region);

/// <summary>Receives the fulfilment partner's shipment webhooks for merch orders and tells the player in game.</summary>
[ApiController]
[Route("hooks/fulfilment")]
public sealed class MerchFulfilmentWebhook(
    IMerchOrders orders,
    DeliveryOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<MerchFulfilmentWebhook> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Merch.Fulfilment");
    private static readonly Meter Meter = new("Studio.Merch.Fulfilment");

    [HttpPost("shipment")]
    public async Task<ActionResult> OnShipment([FromBody] WebhookRequest request)
    {
        using var activity = Source.StartActivity("merch.webhook");
        if (!WebhookParser.Verify(request, options.WebhookSecret))
        {
            var ex = new WebhookSignatureException("X-Hmac-Signature");
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest();
        }

        var update = WebhookParser.Parse(request.RawBody);
        var order = await orders.ByTrackingNumberAsync(update.Result.TrackingNumber);
        activity?.SetTag("merch.order_id", order.OrderId); // clean precision-names
        activity?.SetTag("merch.sku", order.Sku); // clean precision-names
        activity?.SetTag("merch.player_id", order.PlayerId); // leak TC1001 direct
        activity?.SetTag("merch.gamertag.length", order.Gamertag.Length); // clean precision-about
        logger.LogInformation("Merch {OrderId} for {Gamertag} is {Status}", order.OrderId, order.Gamertag, update.Result.Status); // leak TC1001 direct

        using var span = Activity.Current.EnrichMerchshipDelivery(order.OrderId, update.Result.Carrier)
            .SetMerchshipStatus(update.Result.Status.ToString()) // clean generated-api
            .SetMerchshipRecipientId(pseudonymizer.PseudonymizeMerchshipRecipientId(order.PlayerId.ToString())); // clean precision-pseudonym
        Meter.CreateMerchshipDeliveriesCounter().Add(1, update.Result.Carrier, update.Result.Status.ToString(), update.Result.Status == TrackingStatus.Delivered ? "delivered" : "in_transit"); // clean generated-api

        if (update.Recipient is { } to)
        {
            span.SetMerchshipArea(Postcodes.District(to.Postcode)); // clean precision-about
            span.SetMerchshipNote($"shipping to {to.City}, {to.Postcode}"); // leak TC1001 generated-api
            logger.LogDebug("Webhook recipient country {Country}, company {HasCompany}", to.Country, to.Company is not null); // clean precision-about
        }

        logger.LogDebug("Webhook payload {Payload}", request.RawBody); // leak TC1001 direct
        logger.LogDebug("Webhook payload of {Bytes} bytes from {Carrier}", request.RawBody.Length, update.Result.Carrier); // clean precision-about
        return Ok();
    }
}

public interface IMerchOrders
{
    Task<MerchOrder> ByTrackingNumberAsync(string trackingNumber);
}
