namespace PrivacyHoldout85.Retail;

public sealed record Product(string Sku, string Name, decimal Price, int StockLevel, string Category);

public sealed record WishlistItem(string CustomerNumber, string Sku, DateTime AddedAt);

public interface IProductStore
{
    Task<IReadOnlyList<Product>> BySkusAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);

    Task<IReadOnlyList<WishlistItem>> WishlistsAsync(IReadOnlyList<string> customerNumbers, CancellationToken cancellationToken);
}

public sealed class ProductBySkuDataLoader(IProductStore store, ILogger<ProductBySkuDataLoader> logger, Meter meter, IBatchScheduler scheduler)
    : BatchDataLoader<string, Product>(scheduler, new DataLoaderOptions(MaxBatchSize: 250))
{
    protected override async Task<IReadOnlyDictionary<string, Product>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        meter.CreateShopgqlDataloaderKeysHistogram().Record(keys.Count, Name); // clean precision-about
        Activity.Current?.SetTag("shop.dataloader.skus", string.Join(",", keys)); // clean precision-about
        var products = await store.BySkusAsync(keys, cancellationToken);
        foreach (var product in products.Where(p => p.StockLevel == 0))
        {
            logger.LogInformation("Out of stock: {Product}", product); // clean logging-objects
        }

        return products.ToDictionary(p => p.Sku);
    }
}

public sealed class WishlistByCustomerDataLoader(IProductStore store, ILogger<WishlistByCustomerDataLoader> logger, IBatchScheduler scheduler)
    : GroupedDataLoader<string, WishlistItem>(scheduler, new DataLoaderOptions())
{
    private static readonly ActivitySource Source = new("Shop.GraphQL.DataLoaders");

    protected override async Task<ILookup<string, WishlistItem>> LoadGroupedBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        using var batch = Source.StartShopgqlBatch(Name).SetShopgqlBatchSize(keys.Count); // clean precision-about
        batch.SetShopgqlNote($"wishlists for {keys[0]} and {keys.Count - 1} more"); // leak TC1001 generated-api
        var items = await store.WishlistsAsync(keys, cancellationToken);
        batch.Activity?.AddEvent(new ActivityEvent("shop.wishlists.loaded", tags: new ActivityTagsCollection { ["customers"] = keys.ToArray() })); // leak TC1001 direct
        logger.LogDebug("Wishlist rows {Rows}", items.Take(5)); // leak TC1001 logging-objects
        logger.LogDebug("Wishlist SKUs {Skus}", items.Select(i => i.Sku).Distinct()); // clean precision-about
        return items.ToLookup(i => i.CustomerNumber);
    }
}

[ExtendObjectType(typeof(Product))]
public sealed class ProductExtensions(ILogger<ProductExtensions> logger)
{
    public async Task<bool> IsOnMyWishlistAsync([Parent] Product product, WishlistByCustomerDataLoader wishlists, IResolverContext context)
    {
        var customerNumber = context.User.FindFirstValue("customer_number") ?? string.Empty;
        var items = await wishlists.LoadAsync(customerNumber, context.RequestAborted);
        Activity.Current?.SetTag("shop.wishlist.size", items.Length); // clean precision-about
        logger.LogTrace("Wishlist check of {Sku} at {Path} for {Customer}", product.Sku, context.Path, customerNumber); // leak TC1001 direct
        return items.Any(i => i.Sku == product.Sku);
    }
}
