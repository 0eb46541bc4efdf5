namespace PrivacyHoldout102.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal Price);

/// <summary>Baskets in Redis, keyed by the signed-in customer's number; stock per store cached in process.</summary>
public sealed class BasketCache(IDatabase redis, IMemoryCache cache, IDbConnection connection, ILogger<BasketCache> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, DataAccessOptions options)
{
    private static readonly Meter Meter = new("Shop.Basket.Cache");
    private static readonly Counter<long> BasketReads = Meter.CreateCounter<long>("basket.cache.reads");

    public async Task<IReadOnlyList<BasketLine>> GetAsync(string customerNumber, CancellationToken ct)
    {
        RedisKey key = $"basket:{customerNumber}";
        var stopwatch = Stopwatch.StartNew();
        var fields = await redis.HashGetAllAsync(key);
        BasketReads.Add(1, new KeyValuePair<string, object?>("outcome", fields.Length > 0 ? "hit" : "miss")); // clean precision-names
        BasketReads.Add(1, new KeyValuePair<string, object?>("basket.key", key.ToString())); // leak TC1003 strings
        Activity.Current?.SetTag("basket.lines", fields.Length); // clean precision-about
        Activity.Current?.SetTag("basket.customer", pseudonymizer.ComputeShopstoreCustomerId(customerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("basket.partition", KeyedShard.Of(secrets.ShardKey, customerNumber, 64)); // clean hashes
        Activity.Current?.SetTag("basket.partition_unkeyed", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerNumber)))[..8]); // leak TC1002 hashes
        if (stopwatch.Elapsed > options.SlowQueryThreshold)
        {
            logger.LogWarning("Slow basket read of {Key} ({ElapsedMs} ms)", key, stopwatch.ElapsedMilliseconds); // leak TC1001 strings
        }
        return fields.Select(f => new BasketLine(f.Name.ToString(), int.Parse(f.Value.ToString(), CultureInfo.InvariantCulture), 0m)).ToList();
    }

    public async Task<int> StockAsync(string storeCode, string sku, CancellationToken ct)
    {
        var key = $"stock:{storeCode}:{sku}";
        if (cache.TryGetValue(key, out int stock))
        {
            Meter.CreateShopstoreCacheLookupsCounter().Add(1, "Stock", "hit"); // clean generated-api
            return stock;
        }
        stock = await connection.QuerySingleOrDefaultAsync<int>("SELECT OnHand FROM Stock WHERE StoreCode = @storeCode AND Sku = @sku", new { storeCode, sku });
        cache.Set(key, stock, TimeSpan.FromSeconds(30));
        logger.LogDebug("Stock {Key} = {OnHand}", key, stock); // clean precision-names
        return stock;
    }
}
