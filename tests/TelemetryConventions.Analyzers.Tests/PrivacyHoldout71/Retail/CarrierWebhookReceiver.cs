namespace PrivacyHoldout71.Retail;

/// <summary>A tracking update as the carrier posts it.</summary>
public sealed record TrackingUpdate(string EventId, string TrackingNumber, string OrderId, string Status, string RecipientPostcode, string? RecipientNote, string? SafePlacePhotoUrl);

public interface IShipmentStore
{
    Task<bool> ApplyAsync(TrackingUpdate update, CancellationToken cancellationToken);
}

/// <summary>Thrown when an update names an order we do not know; the message names the tracking number.</summary>
public sealed class UnknownShipmentException(string trackingNumber) : Exception($"No shipment for tracking number {trackingNumber}");

/// <summary>
/// POST /webhooks/carrier. The carrier signs with X-Carrier-Hmac (HMAC-SHA256 of the body, base64) and
/// retries until it gets a 2xx, so updates are deduplicated by the carrier's event id. Postcodes are
/// validated by <c>pattern</c>, statuses by <c>enum</c>.
/// </summary>
public sealed partial class CarrierWebhookReceiver(
    byte[] carrierKey,
    ISchemaValidator schemas,
    IIdempotencyStore idempotency,
    IShipmentStore shipments,
    ActivitySource source,
    Meter meter,
    ILogger<CarrierWebhookReceiver> logger)
{
    private readonly OrderhookDeliveriesCounter _received = meter.CreateOrderhookDeliveriesCounter();

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartOrderhookReceive("carrier.tracking"); // clean generated-api
        span.SetOrderhookMerchant("carrier");
        using var hmac = new System.Security.Cryptography.HMACSHA256(carrierKey);
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(request.Body)));
        if (expected != request.Header("X-Carrier-Hmac"))
        {
            LogBadSignature(logger, expected, request.Header("X-Carrier-Hmac")); // clean hashes
            return WebhookResponse.Unauthorized();
        }

        using var json = JsonDocument.Parse(request.Body);
        var validation = schemas.Validate("carrier.tracking", json.RootElement);
        var postcodeErrors = validation.Errors.Where(e => e.InstanceLocation == "/recipientPostcode").ToList();
        if (postcodeErrors.Count > 0)
        {
            span.SetOrderhookNote(postcodeErrors[0].ToString()); // leak TC1001 generated-api
            logger.LogInformation("Carrier sent {Count} postcode errors ({Keywords})", postcodeErrors.Count, string.Join(",", postcodeErrors.Select(e => e.Keyword))); // clean precision-about
        }
        var statusErrors = validation.Errors.Where(e => e.InstanceLocation == "/status").Select(e => e.Message).ToList();
        if (statusErrors.Count > 0)
        {
            logger.LogWarning("Unknown carrier statuses: {Errors}", statusErrors); // clean logging-objects
        }
        if (!validation.IsValid)
        {
            _received.Add(1, "carrier.tracking", "carrier", "rejected:schema");
            return WebhookResponse.Invalid("schema");
        }

        var update = json.RootElement.Deserialize<TrackingUpdate>()!;
        span.SetOrderhookEventId(update.EventId);
        if (!await idempotency.TryClaimAsync($"carrier:{update.EventId}", TimeSpan.FromDays(2), cancellationToken))
        {
            span.SetOrderhookOutcome("duplicate");
            return WebhookResponse.Duplicate();
        }

        try
        {
            if (!await shipments.ApplyAsync(update, cancellationToken))
            {
                throw new UnknownShipmentException(update.TrackingNumber);
            }
        }
        catch (UnknownShipmentException ex)
        {
            logger.LogWarning(ex, "Tracking update for unknown shipment"); // clean exceptions
            span.SetOrderhookOutcome("unknown_shipment");
            return WebhookResponse.Accepted();
        }

        span.Activity?.SetTag("shipment.status", update.Status); // clean direct
        span.Activity?.SetTag("shipment.tracking_number", update.TrackingNumber); // clean direct
        span.Activity?.SetTag("shipment.postcode_district", update.RecipientPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("shipment.recipient_postcode", update.RecipientPostcode); // leak TC1001 direct
        if (update.RecipientNote is { } note)
        {
            LogRecipientNote(logger, update.OrderId, note); // leak TC1001 direct
        }
        if (update.SafePlacePhotoUrl is { } photo)
        {
            span.Activity?.SetTag("shipment.photo_host", new Uri(photo).Host); // clean precision-about
        }
        span.SetOrderhookOutcome(update.Status); // clean generated-api
        _received.Add(1, "carrier.tracking", "carrier", update.Status); // clean generated-api
        _received.Add(1, "carrier.tracking", update.RecipientPostcode); // leak TC1003 direct
        return WebhookResponse.Accepted();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier HMAC mismatch: expected {Expected}, got {Received}")]
    private static partial void LogBadSignature(ILogger logger, string expected, string? received);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recipient note on order {OrderId}: {Note}")]
    private static partial void LogRecipientNote(ILogger logger, string orderId, string note);
}
