namespace PrivacyHoldout111.Retail;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Basket(string CustomerNumber, string Email, string Store, IReadOnlyList<BasketLine> Lines);

/// <summary>
/// Baskets in IDistributedCache under the customer number, or under the guest cookie before sign-in; prices per
/// store in HybridCache; the basket is merged on sign-in and the guest entry dropped.
/// </summary>
public sealed class BasketCache(IDistributedCache cache, HybridCache prices, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<BasketCache> logger)
{
    private static readonly ActivitySource Source = new("Shop.Basket");
    private static readonly Meter Meter = new("Shop.Basket");
    private static readonly Counter<long> Merges = Meter.CreateCounter<long>("basket.merges");
    private static readonly DistributedCacheEntryOptions BasketEntry = new() { SlidingExpiration = TimeSpan.FromDays(14) };

    private readonly CartstateCacheLookupsCounter _lookups = Meter.CreateCartstateCacheLookupsCounter();

    private static string KeyFor(StateHttpContext http, string? customerNumber) =>
        customerNumber is not null ? $"basket:{customerNumber}" : $"basket:guest:{http.Request.Cookies["guest"]}";

    public async Task<Basket?> LoadAsync(StateHttpContext http, string? customerNumber, CancellationToken cancellationToken)
    {
        var key = KeyFor(http, customerNumber);
        var json = await cache.GetStringAsync(key, cancellationToken);
        _lookups.Add(1, "redis", json is null ? "miss" : "hit"); // clean direct
        using var span = Source.StartCartstateCacheFill("redis");
        span.SetCartstateCacheKey(key); // leak TC1001 generated-api
        if (json is null)
        {
            return null;
        }
        var basket = JsonSerializer.Deserialize<Basket>(json)!;
        span.SetCartstateEntries(basket.Lines.Count).SetCartstateStore(basket.Store); // clean precision-names
        span.Activity?.SetTag("basket.value", basket.Lines.Sum(l => l.Quantity * l.UnitPrice)); // clean precision-about
        span.Activity?.SetTag("basket.skus", string.Join(",", basket.Lines.Select(l => l.Sku))); // clean strings
        logger.LogDebug("Basket json {Json}", json); // leak TC1001 strings
        return basket;
    }

    public async Task MergeOnSignInAsync(StateHttpContext http, string customerNumber, string email, CancellationToken cancellationToken)
    {
        var guestId = http.Request.Cookies["guest"];
        var guestKey = $"basket:guest:{guestId}";
        var guest = await cache.GetStringAsync(guestKey, cancellationToken);
        if (guest is null)
        {
            return;
        }
        var basket = JsonSerializer.Deserialize<Basket>(guest)! with { CustomerNumber = customerNumber, Email = email };
        await cache.SetStringAsync($"basket:{customerNumber}", JsonSerializer.Serialize(basket), BasketEntry, cancellationToken);
        await cache.RemoveAsync(guestKey, cancellationToken);
        http.Response.Cookies.Delete("guest");
        Merges.Add(1, new KeyValuePair<string, object?>("store", basket.Store)); // clean precision-names
        Merges.Add(1, new KeyValuePair<string, object?>("customer.shard", KeyedShard.Of(secrets.ShardKey, customerNumber, 16))); // clean hashes
        Activity.Current?.SetTag("basket.guest.key", guestKey); // leak TC1001 strings
        Activity.Current?.SetTag(CartstateAttributes.CustomerId, pseudonymizer.ComputeCartstateCustomerId(customerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(CartstateAttributes.CustomerContact, pseudonymizer.Compute("customer.email", email)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Merged guest basket into {Basket}", basket); // leak TC1001 logging-objects
        logger.LogInformation("Merged {Lines} lines for {Email}", basket.Lines.Count, email); // leak TC1001 direct
        var sha = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
        Activity.Current?.SetTag("basket.customer.email_sha1", sha); // leak TC1002 hashes
    }

    public async Task<decimal> PriceAsync(string store, string sku, CancellationToken cancellationToken)
    {
        var key = $"price:{store}:{sku}";
        var price = await prices.GetOrCreateAsync(key, _ => new ValueTask<decimal>(9.99m), tags: new[] { $"store:{store}", $"sku:{sku}" }, cancellationToken: cancellationToken);
        logger.LogDebug("Price {CacheKey} = {Price}", key, price); // clean strings
        return price;
    }
}
