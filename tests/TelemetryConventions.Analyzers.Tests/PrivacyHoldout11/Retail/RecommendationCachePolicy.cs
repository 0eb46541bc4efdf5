using System;
using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Support;

namespace PrivacyHoldout11.Retail;

/// <summary>
/// Caches the "recommended for you" block per signed-in customer and per brand for guests; the block
/// is evicted by tag when the customer's basket changes.
/// </summary>
public sealed class RecommendationCachePolicy(TenantContext tenant, ILogger<RecommendationCachePolicy> logger) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var user = context.HttpContext.User;
        var customerId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.CacheVaryByRules.VaryByValues["brand"] = tenant.Current?.Id ?? "default";
        if (customerId is not null)
        {
            context.CacheVaryByRules.VaryByValues["customer"] = customerId;
            context.Tags.Add("reco:" + customerId);
        }

        Activity.Current?.SetTag("reco.cache.personal", customerId is not null);
        Activity.Current?.SetTag("reco.cache.vary_keys", string.Join(",", context.CacheVaryByRules.VaryByValues.Keys)); // clean precision-names
        logger.LogDebug("Recommendations vary by {@VaryBy}", context.CacheVaryByRules.VaryByValues); // leak TC1001 logging-objects
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var address = context.HttpContext.Connection.RemoteIpAddress;
        Activity.Current?.SetTag("reco.cache.hit", true);
        Activity.Current?.SetTag("reco.client.family", address?.AddressFamily.ToString()); // clean precision-about
        Activity.Current?.SetTag("reco.client.address", address?.ToString()); // leak TC1001 direct
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
