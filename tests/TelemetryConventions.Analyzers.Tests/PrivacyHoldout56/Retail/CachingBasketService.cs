using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Basket(string BasketId, string CustomerNumber, IReadOnlyList<BasketLine> Lines);

public sealed record Product(string Sku, string Name, decimal Price, int Stock);

public interface IBasketService
{
    Task<Basket> GetAsync(string customerNumber);

    Task<Basket> AddItemAsync(string customerNumber, string sku, int quantity);
}

public interface IProductCatalogue
{
    Task<Product?> GetAsync(string sku);
}

public static class CachingRegistration
{
    public static IServiceCollection AddShopCaching(this IServiceCollection services) =>
        services
            .Decorate<IBasketService, CachingBasketService>()
            .Decorate<IProductCatalogue, CachingProductCatalogue>();
}

/// <summary>Caches each customer's basket in Redis for the storefront.</summary>
public sealed class CachingBasketService(
    IBasketService inner,
    IDistributedCache cache,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CachingBasketService> logger,
    TelemetrySecrets secrets) : IBasketService
{
    private static readonly DistributedCacheEntryOptions Entry = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(20) };

    public async Task<Basket> GetAsync(string customerNumber)
    {
        var key = $"basket:{customerNumber}";
        var json = await cache.GetStringAsync(key);
        var result = json is null ? StoreCacheResult.Miss : StoreCacheResult.Hit;
        meter.CreateStoreCacheLookupsCounter().Add(1, "BasketService.Get", result); // clean generated-api
        Activity.Current?.SetTag("cache.key", key); // leak TC1001 strings
        Activity.Current?.SetTag("cache.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] & 63); // clean hashes
        logger.LogDebug("Basket cache {Result} for key hash {KeyHash}", result, key.GetHashCode()); // leak TC1002 hashes
        if (json is not null)
        {
            logger.LogDebug("Cached basket {Basket}", json); // leak TC1001 logging-objects
            var cached = JsonSerializer.Deserialize<Basket>(json)!;
            logger.LogDebug("Basket {BasketId} served from cache with {Lines} lines", cached.BasketId, cached.Lines.Count); // clean direct
            return cached;
        }

        var basket = await inner.GetAsync(customerNumber);
        await cache.SetStringAsync(key, JsonSerializer.Serialize(basket), Entry);
        Activity.Current.EnrichStoreOperation("BasketService.Get").SetStoreCustomerId(pseudonymizer.PseudonymizeStoreCustomerId(customerNumber)).SetStoreBasketId(basket.BasketId); // clean precision-pseudonym
        return basket;
    }

    public async Task<Basket> AddItemAsync(string customerNumber, string sku, int quantity)
    {
        var basket = await inner.AddItemAsync(customerNumber, sku, quantity);
        await cache.RemoveAsync($"basket:{customerNumber}");
        logger.LogInformation("Evicted the cached basket of {Customer} after adding {Sku}", customerNumber, sku); // leak TC1001 direct
        logger.LogInformation("Evicted {CacheKey}", $"basket:{pseudonymizer.ComputeStoreCustomerId(customerNumber)}"); // clean precision-pseudonym
        return basket;
    }
}

/// <summary>Caches products in memory.</summary>
public sealed class CachingProductCatalogue(IProductCatalogue inner, IMemoryCache cache, Meter meter, ILogger<CachingProductCatalogue> logger) : IProductCatalogue
{
    public async Task<Product?> GetAsync(string sku)
    {
        var key = $"product:{sku}";
        Activity.Current?.SetTag("cache.key", key); // clean strings
        if (cache.TryGetValue<Product>(key, out var product))
        {
            meter.CreateStoreCacheLookupsCounter().Add(1, "ProductCatalogue.Get", StoreCacheResult.Hit); // clean generated-api
            logger.LogDebug("Product {Product} served from cache", product); // clean logging-objects
            return product;
        }

        meter.CreateStoreCacheLookupsCounter().Add(1, "ProductCatalogue.Get", StoreCacheResult.Miss);
        product = await inner.GetAsync(sku);
        cache.Set(key, product, TimeSpan.FromMinutes(5));
        return product;
    }
}
