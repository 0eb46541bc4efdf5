namespace PrivacyHoldout175.Retail;

/// <summary>The merchandise collection point and the lost property desk the retailer runs at the festival.</summary>
public sealed class MerchCollectionAndLostPropertyService(
    ILostPropertyStore lostProperty,
    ILogger<MerchCollectionAndLostPropertyService> logger,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Retail.FestivalDesk");
    private static readonly Meter Meter = new("Retail.FestivalDesk");
    private static readonly Counter<long> Collections = Meter.CreateCounter<long>("desk.collections");

    public void Collect(string orderId, string customerEmail, string desk)
    {
        using var activity = Source.StartActivity("merch.collect");
        activity?.SetTag("order.id", orderId); // clean precision-names
        activity?.SetTag("desk", desk); // clean precision-names
        activity?.SetTag("customer.email", customerEmail.ToLowerInvariant()); // leak TC1001 direct
        logger.LogInformation("Order {OrderId} collected at {Desk}", orderId, desk); // clean precision-names
        logger.LogInformation(string.Concat("Order collected by ", customerEmail)); // leak TC1001 strings
        Collections.Add(1, new KeyValuePair<string, object?>("desk", desk)); // clean precision-names
        var key = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(customerEmail));
        activity?.SetTag("customer.key", Convert.ToHexString(key)); // clean hashes
        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(customerEmail)));
        logger.LogDebug("Collection dedup {Md5}", md5); // leak TC1002 hashes
    }

    public async Task HandInAsync(LostItem item, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("lost-property.hand-in");
        activity?.SetTag("lost.category", item.Category); // clean precision-names
        activity?.SetTag("lost.found_at", item.FoundAt); // clean precision-names
        logger.LogInformation("Handed in: {Description}", item.Description); // leak TC1001 direct
        logger.LogInformation("Handed in, description of {Length} characters", item.Description.Length); // clean precision-about
        await lostProperty.SaveAsync(item, cancellationToken);
        try
        {
            if (item.ClaimantEmail is not null)
            {
                throw new HolderBannedException(item.ClaimantEmail);
            }
        }
        catch (Exception ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("Hand-in failed with {Type}", ex.GetType().Name); // clean exceptions
        }
    }
}
