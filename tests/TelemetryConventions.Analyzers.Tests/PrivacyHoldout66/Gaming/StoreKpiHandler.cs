namespace PrivacyHoldout66.Gaming;

public sealed record StoreViewed(PlayerId Player, string Platform, string OfferId, string Storefront);

public sealed record PurchaseCompleted(PlayerId Player, string Platform, string PlatformAccountId, string OfferId, IReadOnlyList<string> Skus, decimal PriceUsd, string Currency, string ReceiptId);

public sealed record PurchaseFailed(PlayerId Player, string OfferId, string Platform, string ErrorCode, string ProviderMessage);

/// <summary>
/// The store's business KPIs (views, conversion, basket size, spend), recorded from the store's domain
/// events; the finance dashboard divides purchases by views per offer.
/// </summary>
public sealed class StoreKpiHandler
{
    private readonly Counter<long> _views;
    private readonly Counter<long> _purchases;
    private readonly Histogram<int> _basketSize;
    private readonly Histogram<double> _spend;
    private readonly Counter<long> _failures;
    private readonly ConcurrentDictionary<PlayerId, decimal> _spendToday = new();
    private readonly ILogger<StoreKpiHandler> _logger;

    public StoreKpiHandler(MatchmakingMetrics metrics, ILogger<StoreKpiHandler> logger)
    {
        var meter = metrics.Meter;
        _views = meter.CreateCounter<long>("store.views", "{view}");
        _purchases = meter.CreateCounter<long>("store.purchases", "{purchase}");
        _basketSize = meter.CreateHistogram<int>("store.basket.size", "{item}");
        _spend = meter.CreateHistogram<double>("store.spend", "USD");
        _failures = meter.CreateCounter<long>("store.failures", "{failure}");
        _logger = logger;
        meter.CreateObservableGauge("store.whales", () => new Measurement<int>(_spendToday.Count(kv => kv.Value > 100m), new KeyValuePair<string, object?>("threshold", "100usd"))); // clean precision-about
        meter.CreateObservableGauge("store.spend.today", () => _spendToday.Where(kv => kv.Value > 100m).Select(kv => new Measurement<decimal>(kv.Value, new KeyValuePair<string, object?>("player", kv.Key)))); // leak TC1003 cross-member
    }

    public void Handle(StoreViewed viewed) =>
        _views.Add(1, new KeyValuePair<string, object?>("offer", viewed.OfferId), new KeyValuePair<string, object?>("storefront", viewed.Storefront), new KeyValuePair<string, object?>("platform", viewed.Platform)); // clean direct

    public void Handle(PurchaseCompleted purchase)
    {
        var tags = new TagList { { "offer", purchase.OfferId }, { "platform", purchase.Platform }, { "currency", purchase.Currency } };
        _purchases.Add(1, tags); // clean direct
        _basketSize.Record(purchase.Skus.Count, tags); // clean precision-about
        tags.Add("receipt", purchase.ReceiptId);
        _spend.Record((double)purchase.PriceUsd, tags); // clean direct
        _spendToday.AddOrUpdate(purchase.Player, purchase.PriceUsd, (_, total) => total + purchase.PriceUsd);

        var platformTags = new TagList { { "platform", purchase.Platform }, { "account", purchase.PlatformAccountId } };
        _purchases.Add(1, platformTags); // leak TC1003 direct
        Activity.Current?.SetTag("store.receipt", purchase.ReceiptId).SetTag("store.skus", purchase.Skus.Count); // clean direct
        _logger.LogInformation("Purchase {Receipt} of {Offer} for {Price} {Currency}", purchase.ReceiptId, purchase.OfferId, purchase.PriceUsd, purchase.Currency); // clean direct
        _logger.LogInformation("Purchase completed {@Purchase}", purchase); // leak TC1001 logging-objects
    }

    public void Handle(PurchaseFailed failed)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("offer", failed.OfferId), new KeyValuePair<string, object?>("code", failed.ErrorCode));
        _logger.LogWarning("Purchase of {Offer} failed with {Code}", failed.OfferId, failed.ErrorCode);
        _logger.LogWarning("Purchase failed for {Player}: {Failure}", failed.Player, failed.ErrorCode); // leak TC1001 direct
    }
}
