using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Retail;

/// <summary>Customers leave an email to hear when a SKU is back; the watchers are a Redis set per SKU.</summary>
public sealed class BackInStockWatchlist(IDatabase redis, Pseudonymizer pseudonymizer, ILogger<BackInStockWatchlist> logger)
{
    public async Task WatchAsync(string sku, string email)
    {
        var added = await redis.SetAddAsync($"watch:{sku}", email);
        Activity.Current?.SetTag("watch.sku", sku); // clean precision-about
        Activity.Current?.SetTag("watch.new", added == 1);
        Activity.Current?.SetTag(CacheAttributes.SubjectContact, pseudonymizer.ComputeCacheSubjectId(email)); // leak TC1001 precision-pseudonym
    }

    public async Task<int> NotifyAsync(string sku)
    {
        var watchers = await redis.SetMembersAsync($"watch:{sku}");
        await redis.KeyDeleteAsync($"watch:{sku}");
        logger.LogInformation("Notifying {Count} watchers of {Sku}", watchers.Length, sku);
        logger.LogDebug("Watchers of {Sku}: {Watchers}", sku, watchers); // leak TC1001 logging-objects
        return watchers.Length;
    }
}
