namespace PrivacyHoldout173.Retail;

/// <summary>Takes wedding cake orders in the bakery department and passes allergen codes to the bakery.</summary>
public sealed class CakeOrderHandler(
    ILogger<CakeOrderHandler> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Retailer.Bakery.WeddingCakes");
    private static readonly Meter Meter = new("Retailer.Bakery.WeddingCakes");
    private static readonly Histogram<int> Tiers = Meter.CreateHistogram<int>("bakery.cake.tiers");

    public Task HandleAsync(CakeOrder order, string store)
    {
        using var activity = Source.StartActivity("bakery.cake.order");
        activity?.SetTag("bakery.order", order.OrderId); // clean precision-names
        activity?.SetTag("bakery.allergens", order.AllergenCodes); // clean precision-about
        activity?.SetTag("bakery.tiers", order.Tiers); // clean precision-about
        activity?.SetTag("bakery.piped_message", order.PipedMessage); // leak TC1001 direct
        activity?.SetTag("bakery.piped_message.length", order.PipedMessage.Length); // clean precision-about
        Tiers.Record(order.Tiers, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("allergens", order.AllergenCodes)); // clean precision-about

        var customer = pseudonymizer.PseudonymizeBridalstoreCoupleId(order.CustomerNumber);
        activity?.SetTag("bakery.customer", customer.ToString()); // clean precision-pseudonym
        Tiers.Record(order.Tiers, new KeyValuePair<string, object?>("customer", customer.ToString())); // leak TC1003 precision-pseudonym

        logger.LogInformation("Cake order {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Cake order {OrderId}: {Tiers} tiers, allergens {Allergens}", order.OrderId, order.Tiers, order.AllergenCodes); // clean precision-about

        var customerRef = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(order.CustomerNumber)));
        logger.LogDebug("Customer ref {Ref}", customerRef); // leak TC1002 hashes
        var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(order.CustomerNumber))) % 64;
        activity?.SetTag("bakery.shard", shard); // clean hashes

        var ticket = new { order.OrderId, order.CustomerNumber, order.Tiers };
        logger.LogInformation("Bakery ticket {@Ticket}", ticket); // leak TC1001 logging-objects
        activity?.SetBaggage("bakery.customer", order.CustomerNumber); // leak TC1001 direct

        try
        {
            if (order.Tiers > 5)
            {
                throw new SupplierDeclinedException("sup-bakehouse-07", "TIER_LIMIT");
            }
        }
        catch (SupplierDeclinedException ex)
        {
            logger.LogWarning(ex, "Bakery declined order {OrderId}", order.OrderId); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        return Task.CompletedTask;
    }
}
