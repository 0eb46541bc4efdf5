namespace PrivacyHoldout121.Retail;

/// <summary>An order's shipment as the order service keeps it.</summary>
public sealed record OrderShipment(string OrderId, string ShipmentId, string CustomerNumber, string CustomerEmail, string TrackingNumber, string Carrier);

/// <summary>Receives every carrier's tracking webhooks (through the aggregator) and moves orders along.</summary>
[ApiController]
[Route("webhooks/tracking")]
public sealed class CarrierWebhookController(
    IOrderShipments shipments,
    DeliveryOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<CarrierWebhookController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.Delivery.Webhooks");
    private static readonly Meter Meter = new("Shop.Delivery.Webhooks");
    private static readonly Counter<long> Updates = Meter.CreateCounter<long>("shopship.webhook.updates");

    [HttpPost("")]
    public async Task<ActionResult> Post([FromBody] WebhookRequest request)
    {
        using var activity = Source.StartActivity("shopship.webhook");
        activity?.SetTag("webhook.signature", request.Headers.TryGetValue("X-Hmac-Signature", out var sig) ? sig : null); // clean precision-names
        if (!WebhookParser.Verify(request, options.WebhookSecret))
        {
            logger.LogWarning(new WebhookSignatureException("X-Hmac-Signature"), "Tracking webhook rejected"); // clean exceptions
            return BadRequest();
        }

        var update = WebhookParser.Parse(request.RawBody);
        var tracker = update.Result;
        Updates.Add(1, new KeyValuePair<string, object?>("carrier", tracker.Carrier), new KeyValuePair<string, object?>("status", tracker.Status.ToString())); // clean precision-names
        logger.LogInformation("Tracker update {Update}", update); // leak TC1001 logging-objects
        logger.LogInformation("Tracker {TrackerId} now {Status}, ETA {Eta}, public page {PublicUrl}", tracker.Id, tracker.Status, tracker.EstimatedDelivery, tracker.PublicUrl); // clean precision-names

        var order = await shipments.ByTrackingNumberAsync(tracker.TrackingNumber);
        if (order is null)
        {
            logger.LogWarning("No order for tracking number {TrackingNumber}", tracker.TrackingNumber); // clean precision-names
            return Ok();
        }

        using var span = Activity.Current.EnrichShopshipDelivery(order.ShipmentId, order.Carrier)
            .SetShopshipTrackingNumber(order.TrackingNumber) // clean precision-names
            .SetShopshipStatus(tracker.Status.ToString()) // clean generated-api
            .SetShopshipRecipientId(pseudonymizer.PseudonymizeShopshipRecipientId(order.CustomerNumber)); // clean precision-pseudonym
        activity?.SetBaggage("shop.customer", order.CustomerNumber); // leak TC1001 direct
        activity?.SetBaggage("shop.order", order.OrderId); // clean precision-names

        if (tracker.Status == TrackingStatus.Delivered)
        {
            var scan = tracker.Events.Last();
            span.SetShopshipNote(scan.Message ?? "delivered"); // leak TC1001 generated-api
            span.SetShopshipNote($"delivered at {scan.Location?.Facility} after {tracker.Events.Count} scans"); // clean generated-api
            logger.LogInformation("Order {OrderId} delivered, signed by {SignedBy}", order.OrderId, scan.SignedBy); // leak TC1001 cross-member
            logger.LogInformation("Order {OrderId} delivered, signed {Signed}", order.OrderId, !string.IsNullOrEmpty(scan.SignedBy)); // clean precision-about
        }
        else if (tracker.Status == TrackingStatus.Failure)
        {
            logger.LogShopshipDeliveryFailedEvent(order.ShipmentId, "failed", pseudonymizer.PseudonymizeShopshipRecipientId(order.CustomerNumber), tracker.Events.Last().StatusDetail); // clean generated-api
            logger.LogShopshipDeliveryFailedEvent(order.ShipmentId, "failed", null, "customer " + order.CustomerEmail + " to be contacted"); // leak TC1001 generated-api
        }
        return Ok();
    }
}

public interface IOrderShipments
{
    Task<OrderShipment?> ByTrackingNumberAsync(string trackingNumber);
}
