namespace PrivacyHoldout121.Healthcare;

/// <summary>Receives the courier's tracking webhooks for medicines and test kits and updates the dispensing record.</summary>
[ApiController]
[Route("webhooks/courier")]
public sealed class CourierTrackingWebhook(
    DeliveryOptions options,
    IPrescriptionDeliveries deliveries,
    Pseudonymizer pseudonymizer,
    ILogger<CourierTrackingWebhook> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Pharmacy.Webhooks");

    [HttpPost("tracking")]
    public async Task<ActionResult> Receive([FromBody] WebhookRequest request)
    {
        using var activity = Source.StartActivity("rxdrop.webhook");
        activity?.SetTag("webhook.body.length", request.RawBody.Length); // clean precision-about
        activity?.SetTag("webhook.signature.present", request.Headers.ContainsKey("X-Hmac-Signature")); // clean precision-names

        if (!WebhookParser.Verify(request, options.WebhookSecret))
        {
            var ex = new WebhookSignatureException("X-Hmac-Signature");
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Rejected courier webhook from {RemoteAddress}", request.RemoteAddress); // leak TC1001 direct
            return BadRequest("signature");
        }

        TrackerUpdatedEvent update;
        try
        {
            update = WebhookParser.Parse(request.RawBody);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "Unreadable courier webhook {Body}", request.RawBody); // leak TC1001 direct
            return BadRequest("body");
        }

        var tracker = update.Result;
        activity?.SetTag("rxdrop.tracking.number", tracker.TrackingNumber); // clean precision-names
        activity?.SetTag("rxdrop.status", tracker.Status.ToString()); // clean precision-names
        logger.LogInformation("Courier update {EventId}: {Description}", update.Id, update.Description); // clean precision-names

        var delivery = await deliveries.FindByTrackingNumberAsync(tracker.TrackingNumber);
        if (delivery is null)
        {
            logger.LogWarning("No prescription delivery for {Update}", update); // leak TC1001 logging-objects
            return Ok();
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["PrescriptionId"] = delivery.PrescriptionId, ["HospitalNumber"] = delivery.HospitalNumber })) // leak TC1001 logging-objects
        {
            var last = tracker.Events.LastOrDefault();
            if (last is not null)
            {
                logger.LogInformation("Last scan {Scan}", last); // leak TC1001 logging-objects
                logger.LogInformation("Last scan at {Facility} ({Status}) after {Scans} scans", last.Location?.Facility, last.Status, tracker.Events.Count); // clean precision-about
                activity?.AddEvent(new ActivityEvent("rxdrop.scan", tags: new ActivityTagsCollection { ["rxdrop.scan.message"] = last.Message })); // leak TC1001 cross-member
            }

            if (tracker.Status == TrackingStatus.DeliveryAttempted)
            {
                var patient = pseudonymizer.ComputeRxdropRecipientId(delivery.HospitalNumber);
                logger.LogWarning("Delivery attempt failed for patient {Patient}, attempt {Attempt}", patient, delivery.Attempts + 1); // clean precision-pseudonym
                activity?.SetTag("rxdrop.recipient.id", patient); // clean precision-pseudonym
                logger.LogWarning("Missed delivery for {Recipient} at {Address}", update.Recipient?.Name, update.Recipient?.OneLine); // leak TC1001 cross-member
            }

            await deliveries.UpdateStatusAsync(delivery.PrescriptionId, tracker.Status);
        }

        return Ok();
    }
}

/// <summary>A prescription's delivery as the dispensing system keeps it.</summary>
public sealed record PrescriptionDelivery(string PrescriptionId, string HospitalNumber, string TrackingNumber, int Attempts);

public interface IPrescriptionDeliveries
{
    Task<PrescriptionDelivery?> FindByTrackingNumberAsync(string trackingNumber);

    Task UpdateStatusAsync(string prescriptionId, TrackingStatus status);
}
