namespace PrivacyHoldout121.Media;

/// <summary>A subscriber's next disc from their rental queue.</summary>
public sealed record DiscDispatch(string DispatchId, Guid SubscriberId, string TitleId, string DiscBarcode, Address Home);

/// <summary>Picks the next disc from each subscriber's queue and posts it with a prepaid return envelope.</summary>
public sealed class DiscMailerService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DiscMailerService> logger)
{
    private static readonly ActivitySource Source = new("Rental.Discs.Mailer");
    private static readonly Meter Meter = new("Rental.Discs.Mailer");
    private static readonly Counter<long> DiscsPosted = Meter.CreateCounter<long>("discpost.discs.posted");

    public void Post(DiscDispatch dispatch)
    {
        using var span = Source.StartDiscpostDelivery(dispatch.DispatchId, "royalmail")
            .SetDiscpostRecipientId(pseudonymizer.PseudonymizeDiscpostRecipientId(dispatch.SubscriberId.ToString())) // clean precision-pseudonym
            .SetDiscpostArea(Postcodes.District(dispatch.Home.Postcode)); // clean precision-about
        span.Activity?.SetTag("disc.title_id", dispatch.TitleId); // clean precision-names
        span.Activity?.SetTag("disc.barcode", dispatch.DiscBarcode); // clean precision-names
        span.Activity?.SetTag("disc.subscriber", dispatch.SubscriberId); // leak TC1001 direct
        span.Activity?.SetTag("disc.subscriber.bucket", (int)(BitConverter.ToUInt32(SHA1.HashData(dispatch.SubscriberId.ToByteArray()), 0) % 100)); // leak TC1002 hashes
        span.Activity?.SetTag("disc.subscriber.shard", KeyedShard.Of(secrets.ShardKey, dispatch.SubscriberId.ToString(), 100)); // clean hashes
        DiscsPosted.Add(1, new KeyValuePair<string, object?>("disc.area", Postcodes.District(dispatch.Home.Postcode))); // clean precision-about

        var envelope = $"{dispatch.Home.Name}\n{dispatch.Home.OneLine}";
        logger.LogDebug("Envelope printed: {Envelope}", envelope); // leak TC1001 strings
        logger.LogDebug("Envelope printed with {Lines} lines for {TitleId}", envelope.Split('\n').Length, dispatch.TitleId); // clean precision-about
        logger.LogInformation("Disc {DiscBarcode} posted: {Dispatch}", dispatch.DiscBarcode, dispatch); // leak TC1001 logging-objects
    }

    public void QueueEmpty(Guid subscriberId, int queueLength)
    {
        logger.LogInformation("Queue empty for {Subscriber}", pseudonymizer.ComputeDiscpostRecipientId(subscriberId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Nothing to post, {QueueLength} titles waiting on release", queueLength); // clean precision-about
        Activity.Current?.SetTag("discpost.queue.subscriber", subscriberId.ToString("N")); // leak TC1001 direct
    }
}
