using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Media;

/// <summary>
/// Output caching of <c>/profiles/{profileId}/continue-watching</c>: one entry per viewing profile and
/// country, filed under a tag per profile so that a new heartbeat evicts it.
/// </summary>
public sealed class ContinueWatchingCachePolicy(ILogger<ContinueWatchingCachePolicy> logger, Pseudonymizer pseudonymizer) : IOutputCachePolicy
{
    private static readonly Meter CacheMeter = new("Streaming.Rows");
    private static readonly Counter<long> Lookups = CacheMeter.CreateCounter<long>("rows.cache.lookups");
    private static readonly Counter<long> ProfileLookups = CacheMeter.CreateCounter<long>("rows.cache.lookups_by_profile");

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var profileId = request.RouteValues["profileId"] as string ?? "none";
        var country = request.Headers["CF-IPCountry"].ToString();

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.CacheVaryByRules.VaryByValues["profile"] = profileId; // clean direct
        context.CacheVaryByRules.VaryByValues["country"] = country;
        context.Tags.Add($"profile:{profileId}"); // clean strings
        context.Tags.Add("row:continue-watching");

        logger.LogDebug("Continue-watching cache key varies by {VaryBy}", string.Join("&", context.CacheVaryByRules.VaryByValues.Select(v => $"{v.Key}={v.Value}"))); // leak TC1001 strings
        logger.LogDebug("Continue-watching cache key varies by {VaryByKeys}", string.Join(",", context.CacheVaryByRules.VaryByValues.Keys)); // clean precision-names
        Activity.Current?.SetTag("cache.tags", string.Join(",", context.Tags)); // leak TC1001 strings
        Activity.Current?.SetTag("cache.tag_count", context.Tags.Count); // clean precision-about
        Activity.Current?.SetTag("cache.country", country); // clean precision-about
        Lookups.Add(1, new KeyValuePair<string, object?>("row", "continue-watching"), new KeyValuePair<string, object?>("country", country)); // clean precision-about
        ProfileLookups.Add(1, new KeyValuePair<string, object?>("profile.ref", pseudonymizer.ComputeApiCallerId(profileId))); // leak TC1003 precision-pseudonym
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Activity.Current?.SetTag("cache.hit", true); // clean precision-about
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.AllowCacheStorage = context.HttpContext.Response.StatusCode == 200;
        return ValueTask.CompletedTask;
    }
}

public sealed class ContinueWatchingEviction(IOutputCacheStore store, ILogger<ContinueWatchingEviction> logger)
{
    /// <summary>Called by the heartbeat consumer when a profile's progress moves.</summary>
    public async Task OnProgressAsync(string profileId, string titleId, CancellationToken cancellationToken)
    {
        var tag = $"profile:{profileId}";
        await store.EvictByTagAsync(tag, cancellationToken);
        logger.LogDebug("Evicted {Tag} after progress on {TitleId}", tag, titleId); // leak TC1001 strings
        logger.LogDebug("Evicted a continue-watching row after progress on {TitleId}", titleId); // clean precision-names
    }
}
