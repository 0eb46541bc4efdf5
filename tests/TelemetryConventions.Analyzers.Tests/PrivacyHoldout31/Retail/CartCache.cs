using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Caching;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Retail;

public sealed record CartLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Cart(string CustomerId, string? LoyaltyNumber, IReadOnlyList<CartLine> Lines, DateTimeOffset UpdatedAt)
{
    public decimal Total => Lines.Sum(l => l.UnitPrice * l.Quantity);
}

public enum CartInvalidationReason
{
    CheckoutCompleted,
    PriceChanged,
    CustomerMerged,
}

public interface ICartRepository
{
    Task<Cart?> LoadAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>Cache-aside over the cart table; other storefront nodes keep a short local copy.</summary>
public sealed class CartCache(
    IDistributedCache cache,
    ICartRepository carts,
    IConnectionMultiplexer redis,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CartCache> logger)
{
    public const string InvalidationChannel = "cart-invalidations";

    private static readonly ActivitySource Source = new("Retail.Carts");
    private static readonly DistributedCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("retail.cart_cache.lookups");
    private readonly Counter<long> _misses = meter.CreateCounter<long>("retail.cart_cache.misses_by_customer");

    private static string KeyFor(string customerId) => $"cart:{customerId}";

    public async Task<Cart?> GetAsync(string customerId, CancellationToken ct)
    {
        var key = KeyFor(customerId);
        using var activity = Source.StartActivity("cart.cache.get");
        activity?.SetTag("cache.key", key); // leak TC1001 strings
        activity?.SetTag("cache.key_prefix", "cart"); // clean precision-names

        var json = await cache.GetStringAsync(key, ct);
        if (json is not null)
        {
            _lookups.Add(1, new KeyValuePair<string, object?>("cache.outcome", "hit")); // clean precision-about
            activity?.SetTag("cache.hit", true);
            return JsonSerializer.Deserialize<Cart>(json);
        }

        _lookups.Add(1, new KeyValuePair<string, object?>("cache.outcome", "miss"));
        // Added while chasing the "carts keep falling out of the cache" ticket; never removed.
        _misses.Add(1, new KeyValuePair<string, object?>("customer.id", customerId)); // leak TC1003 direct

        var cart = await carts.LoadAsync(customerId, ct);
        if (cart is null)
        {
            logger.LogInformation("No cart stored for customer {CustomerId}; nothing cached", customerId); // leak TC1001 direct
            return null;
        }

        var payload = JsonSerializer.Serialize(cart);
        await cache.SetStringAsync(key, payload, Entry, ct);
        activity?.SetTag("cart.line_count", cart.Lines.Count); // clean precision-about
        activity?.SetTag("cache.entry_bytes", Encoding.UTF8.GetByteCount(payload));
        activity?.SetTag("cart.customer_ref", pseudonymizer.ComputeCacheSubjectId(customerId)); // clean precision-pseudonym
        logger.LogDebug("Cart cached {@Cart}", cart); // leak TC1001 logging-objects
        return cart;
    }

    public async Task InvalidateAsync(string customerId, CartInvalidationReason reason, CancellationToken ct)
    {
        var key = KeyFor(customerId);
        await cache.RemoveAsync(key, ct);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(InvalidationChannel), key);
        logger.LogInformation("Cart entry {CartKey} invalidated ({Reason})", key, reason); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("cart.invalidated", tags: new ActivityTagsCollection { ["invalidation.channel"] = InvalidationChannel, ["invalidation.reason"] = reason.ToString() })); // clean precision-names
    }
}

/// <summary>Runs on every storefront node: drops the local copy when another node invalidates a cart.</summary>
public sealed class CartInvalidationListener(IConnectionMultiplexer redis, IMemoryCache local, ILogger<CartInvalidationListener> logger)
{
    private long _dropped;

    public Task StartAsync() =>
        redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(CartCache.InvalidationChannel), (channel, message) =>
        {
            local.Remove(message.ToString());
            var dropped = Interlocked.Increment(ref _dropped);
            logger.LogDebug("Dropped local entry {Key} on {Channel}", message, channel); // leak TC1001 cross-member
            logger.LogTrace("Local cart entries dropped since start: {Dropped}", dropped);
        });
}
