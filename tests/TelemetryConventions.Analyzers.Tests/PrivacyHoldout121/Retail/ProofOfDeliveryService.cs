namespace PrivacyHoldout121.Retail;

/// <summary>Serves proof-of-delivery photos and signatures to customer service and to the customer's order page.</summary>
public sealed partial class ProofOfDeliveryService(IPodStore store, DeliveryOptions options, TelemetrySecrets secrets, ILogger<ProofOfDeliveryService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Delivery.Pod");
    private static readonly Meter Meter = new("Shop.Delivery.Pod");
    private static readonly Counter<long> PhotoViews = Meter.CreateCounter<long>("shopship.pod.photo_views");

    public async Task StoreAsync(ProofOfDelivery pod, byte[] photo, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("pod.store");
        activity?.SetTag("pod.shipment_id", pod.ShipmentId); // clean precision-names
        activity?.SetTag("pod.photo_key", pod.PhotoKey); // clean precision-names
        activity?.SetTag("pod.photo.bytes", photo.Length); // clean precision-about
        activity?.SetTag("pod.signature.present", pod.SignaturePng is { Length: > 0 }); // clean precision-about
        activity?.SetTag("pod.signed_name", pod.SignedName); // leak TC1001 direct
        activity?.SetTag("pod.position", $"{pod.Position.Latitude},{pod.Position.Longitude}"); // leak TC1001 strings
        activity?.SetTag("pod.position.grid", $"{Math.Round(pod.Position.Latitude, 1)},{Math.Round(pod.Position.Longitude, 1)}"); // clean strings
        logger.LogInformation("Proof of delivery {Pod}", pod); // leak TC1001 logging-objects

        if (pod.SignaturePng is { } png)
        {
            await store.PutAsync($"{pod.PhotoKey}.sig.png", png, "image/png", cancellationToken);
            logger.LogDebug("Signature stored, {Bytes} bytes, digest {Digest}", png.Length, Convert.ToHexString(SHA256.HashData(png))[..16]); // clean hashes
            activity?.SetTag("pod.signature.base64", Convert.ToBase64String(png)); // leak TC1001 direct
        }
        if (pod.LeftWith is not null)
        {
            LogLeftWith(logger, pod.ShipmentId, pod.LeftWith); // leak TC1001 direct
        }
    }

    public Uri PhotoLinkForAgent(string shipmentId, string photoKey, string agentId)
    {
        var url = store.GetReadUrl(photoKey, options.PhotoLinkLifetime);
        using var activity = Source.StartActivity("pod.photo.link");
        activity?.SetTag("pod.photo.url", url.ToString()); // leak TC1001 direct
        activity?.SetTag("pod.photo.path", url.GetLeftPart(UriPartial.Path)); // clean precision-about
        activity?.SetTag("pod.photo.link_expires_in", options.PhotoLinkLifetime.TotalHours); // clean precision-about
        activity?.SetTag("pod.agent.shard", KeyedShard.Of(secrets.ShardKey, agentId, 16)); // clean hashes
        PhotoViews.Add(1, new KeyValuePair<string, object?>("shipment.carrier", "fleet")); // clean precision-names
        logger.LogInformation("Agent opened the photo of {ShipmentId}: {Url}", shipmentId, url); // leak TC1001 direct
        return url;
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Shipment {ShipmentId} left with {LeftWith}")]
    private static partial void LogLeftWith(ILogger logger, string shipmentId, string leftWith);
}
