namespace PrivacyHoldout90.Retail;

public sealed record StockChanged(string Sku, string ProductName, string StoreId, int Quantity, decimal Price);

/// <summary>A customer who asked to be told when a SKU is back.</summary>
public sealed record StockWatcher(string CustomerNumber, string Email, bool PushEnabled, DateTimeOffset Since);

public interface IStockWatchers
{
    Task<IReadOnlyList<StockWatcher>> ForSkuAsync(string sku, CancellationToken cancellationToken);

    Task ClearAsync(string sku, IEnumerable<string> customerNumbers, CancellationToken cancellationToken);
}

public interface IRateLimits
{
    bool TryAcquire(string key);
}

/// <summary>
/// Back in stock: the SKU's watchers are told in order of asking, three per unit restocked, at most a
/// few notifications an hour each; those without pushes get an email.
/// </summary>
public sealed class BackInStockNotifier(
    IStockWatchers watchers,
    IRateLimits limits,
    INotificationStore inbox,
    IEmailSender email,
    KeyedShards shards,
    NotificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<BackInStockNotifier> logger)
{
    private const string Verb = "stock.back";

    private readonly Counter<long> _rateLimited = meter.CreateCounter<long>("shopnotify.rate_limited", "{notification}");

    public async Task OnStockChangedAsync(StockChanged change, CancellationToken cancellationToken)
    {
        if (change.Quantity <= 0)
        {
            return;
        }

        using var span = source.StartShopnotifyNotify(Verb, "in_app");
        span.SetShopnotifyCollapseKey(CollapseKeys.For(Verb, change.Sku)); // clean precision-names

        var all = await watchers.ForSkuAsync(change.Sku, cancellationToken);
        var chosen = all.OrderBy(w => w.Since).Take(change.Quantity * 3).ToList();
        span.SetShopnotifyRecipientsCount(chosen.Count); // clean precision-about
        logger.LogInformation("{Sku} back at {StoreId}: telling {Chosen} of {Watchers} watchers", change.Sku, change.StoreId, chosen.Count, all.Count); // clean precision-about
        logger.LogDebug("Watchers chosen: {Customers}", chosen.Select(w => w.CustomerNumber)); // leak TC1001 logging-objects

        var text = $"{change.ProductName} is back in stock";
        foreach (var watcher in chosen)
        {
            var rateKey = $"notify:{watcher.CustomerNumber}:{DateTime.UtcNow:yyyyMMddHH}";
            if (!limits.TryAcquire(rateKey))
            {
                _rateLimited.Add(1, new KeyValuePair<string, object?>("shopnotify.limit_per_hour", options.MaxPerHourPerRecipient)); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("rate_limited", tags: new ActivityTagsCollection { ["key"] = rateKey })); // leak TC1001 strings
                logger.LogDebug("Rate limited: {Watcher}", DescribeWatcher(watcher)); // leak TC1001 cross-member
                continue;
            }

            await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), watcher.CustomerNumber, null, Verb, "sku", change.Sku, text, DateTimeOffset.UtcNow), cancellationToken);
            if (!watcher.PushEnabled)
            {
                await email.SendAsync(watcher.Email, text, $"{text} at £{change.Price}. {options.AppBaseUrl}/p/{change.Sku}", cancellationToken);
                logger.LogTrace("Back-in-stock email to {Recipient}", watcher.Email); // leak TC1001 direct
                logger.LogTrace("Emailed a watcher in bucket {Bucket}", shards.Of(watcher.CustomerNumber, 100)); // clean hashes
                logger.LogTrace("Email cohort {Cohort}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(watcher.Email)))[..8]); // leak TC1002 hashes
            }
        }

        await watchers.ClearAsync(change.Sku, chosen.Select(w => w.CustomerNumber), cancellationToken);
        meter.CreateShopnotifyNotificationsSentCounter().Add(chosen.Count, "in_app", Verb, "delivered");
        span.SetShopnotifyNote($"{change.Sku} x{change.Quantity} at store {change.StoreId}"); // clean precision-names
    }

    private static string DescribeWatcher(StockWatcher watcher) => $"customer {watcher.CustomerNumber}, waiting since {watcher.Since:d}";
}
