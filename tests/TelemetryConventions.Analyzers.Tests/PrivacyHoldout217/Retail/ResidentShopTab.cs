namespace PrivacyHoldout217.Retail;

public sealed record TabPurchase(string PurchaseId, string ResidentId, string ResidentName, string Item, decimal Price);

/// <summary>The in-home shop trolley: residents buy toiletries and sweets on a tab settled with their fees.</summary>
public sealed class ResidentShopTab(Pseudonymizer pseudonymizer, Meter meter, ILogger<ResidentShopTab> logger)
{
    private readonly Counter<long> _purchases = meter.CreateCounter<long>("careshop.tab.purchases");
    private TabPurchase? _last;

    public void Buy(TabPurchase purchase)
    {
        _last = purchase;
        _purchases.Add(1, new KeyValuePair<string, object?>("item", purchase.Item)); // clean precision-names
        _purchases.Add(1, new KeyValuePair<string, object?>("resident", purchase.ResidentId)); // leak TC1003 direct
        _purchases.Add(1, new KeyValuePair<string, object?>("resident", pseudonymizer.PseudonymizeCareshopClientId(purchase.ResidentId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Tab purchase {@Purchase}", purchase); // leak TC1001 logging-objects
        logger.LogInformation("Tab purchase {PurchaseId} {Item} {Price}", purchase.PurchaseId, purchase.Item, purchase.Price); // clean precision-names
    }

    public void Settle()
    {
        logger.LogInformation("Settling tab of {Name}", _last?.ResidentName); // leak TC1001 cross-member
        Activity.Current?.SetTag("tab.resident", $"{_last?.ResidentId}/{_last?.PurchaseId}"); // leak TC1001 strings
    }
}
