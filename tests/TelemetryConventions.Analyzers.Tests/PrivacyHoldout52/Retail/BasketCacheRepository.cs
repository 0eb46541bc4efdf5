using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Retail;

public sealed record BasketLine(string Sku, int Quantity);

public sealed record Basket(Guid BasketId, string CustomerNumber, IReadOnlyList<BasketLine> Lines, DateTimeOffset UpdatedAt);

/// <summary>Baskets live in Redis and are written through to SQL Server for the abandoned-basket emails.</summary>
public sealed class BasketCacheRepository(IShopConnectionFactory connections, IDistributedCache cache, TelemetrySecrets secrets, ILogger<BasketCacheRepository> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Retail.Baskets");

    public async Task<Basket?> GetAsync(string customerNumber, CancellationToken cancellationToken)
    {
        var cacheKey = $"basket:{customerNumber}";
        using var span = Source.StartDataOperation("query", nameof(Basket)).SetDataQueryName("BasketByCustomer").SetDataCacheKey(cacheKey); // leak TC1001 generated-api
        span.SetDataNote($"partition {Partition(customerNumber)}"); // clean hashes

        var json = await cache.GetStringAsync(cacheKey, cancellationToken);
        meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "BasketByCustomer", dataCacheHit: json is not null, dataCacheKey: cacheKey); // leak TC1003 generated-api
        if (json is null)
        {
            logger.LogDebug("Basket miss for customer {CustomerRef}", pseudonymizer.ComputeDataSubjectId(customerNumber)); // clean precision-pseudonym
            return null;
        }

        var basket = JsonSerializer.Deserialize<Basket>(json);
        span.SetDataRows(basket?.Lines.Count ?? 0); // clean precision-about
        return basket;
    }

    public async Task SaveAsync(Basket basket, CancellationToken cancellationToken)
    {
        var cacheKey = $"basket:{basket.CustomerNumber}";
        await cache.SetStringAsync(cacheKey, JsonSerializer.Serialize(basket), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(7) }, cancellationToken);

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(
            "MERGE shop.baskets AS t USING (SELECT @BasketId AS basket_id) AS s ON t.basket_id = s.basket_id WHEN MATCHED THEN UPDATE SET lines = @Lines, updated_at = @UpdatedAt WHEN NOT MATCHED THEN INSERT (basket_id, customer_number, lines, updated_at) VALUES (@BasketId, @CustomerNumber, @Lines, @UpdatedAt);",
            new { basket.BasketId, basket.CustomerNumber, Lines = JsonSerializer.Serialize(basket.Lines), basket.UpdatedAt });

        Activity.Current?.SetTag("retail.basket.id", basket.BasketId.ToString()); // clean direct
        Activity.Current?.SetTag("retail.basket.skus", string.Join(",", basket.Lines.Select(l => l.Sku))); // clean precision-about
        logger.LogInformation("Basket written through ({Rows} rows) under {CacheKey}", rows, cacheKey); // leak TC1001 strings
        logger.LogDebug("Basket saved {@Basket}", basket); // leak TC1001 logging-objects

        var legacyBucket = BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(basket.CustomerNumber))) % 128;
        Activity.Current?.SetTag("retail.basket.legacy_bucket", legacyBucket); // leak TC1002 hashes
        meter.CreateCounter<long>("retail.basket.saves").Add(1, new KeyValuePair<string, object?>("retail.partition", Partition(basket.CustomerNumber))); // clean hashes
    }

    private int Partition(string customerNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(customerNumber))[0] % 32;
    }
}
