namespace PrivacyHoldout174.Retail;

/// <summary>Carers shop for their clients with the client's loyalty card; the store records who shopped for whom.</summary>
public sealed partial class ProxyShoppingService(ILogger<ProxyShoppingService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Grocer.ProxyShopping");

    public void Checkout(ProxyShop shop)
    {
        using var span = Source.StartCarepharmacyOperation("store-0412");
        span.SetCarepharmacyOutcome("proxy_checkout"); // clean generated-api
        span.SetCarepharmacyClientId(pseudonymizer.PseudonymizeCarepharmacyClientId(shop.LoyaltyCard)); // clean precision-pseudonym

        var activity = Activity.Current;
        activity?.SetTag("proxy.order_id", shop.OrderId); // clean precision-about
        activity?.SetTag("proxy.basket", shop.Basket); // clean precision-about
        activity?.SetTag("proxy.card_last4", shop.LoyaltyCard[^4..]); // clean precision-about
        activity?.SetTag("proxy.carer_email", shop.CarerEmail); // leak TC1001 direct
        activity?.SetTag("proxy.card_sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(shop.LoyaltyCard)))); // leak TC1002 hashes

        Shopped(logger, shop.OrderId, shop.LoyaltyCard); // leak TC1001 precision-names
        ShoppedRedacted(logger, shop.OrderId, shop.LoyaltyCard); // clean precision-names
        logger.LogInformation("Proxy shop by a carer at {Domain}", shop.CarerEmail.Split('@')[1]); // clean precision-about

        CarepharmacyOperationsCounter.For(meter).Add(1, carepharmacyStore: "store-0412", carepharmacyOutcome: shop.CarerEmail); // leak TC1003 generated-api
        CarepharmacyOperationsCounter.For(meter).Add(1, carepharmacyStore: "store-0412", carepharmacyOutcome: "proxy_checkout"); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proxy order {OrderId} on card {Card}")]
    private static partial void Shopped(ILogger logger, string orderId, string card);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proxy order {OrderId} on card {Card}")]
    private static partial void ShoppedRedacted(ILogger logger, string orderId, [PrivateData] string card);

    public void Refund(ProxyShop shop, decimal amount)
    {
        var activity = Activity.Current;
        activity?.SetTag("refund.amount", amount); // clean precision-about
        activity?.SetTag("refund.order_id", shop.OrderId); // clean precision-about
        activity?.SetTag("refund.card", shop.LoyaltyCard); // leak TC1001 direct
        logger.LogInformation("Refund of {Amount} on proxy order {OrderId}", amount, shop.OrderId); // clean precision-about
        logger.LogInformation("Refund requested by {Shop}", shop); // leak TC1001 logging-objects
    }
}
