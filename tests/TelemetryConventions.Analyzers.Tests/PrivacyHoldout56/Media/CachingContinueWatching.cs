using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Media;

public sealed record ContinueRow(string TitleId, int PositionSeconds, DateTimeOffset WatchedAt);

public interface IContinueWatching
{
    Task<IReadOnlyList<ContinueRow>> ForProfileAsync(Guid profileId, string profileName);

    Task ForgetAsync(Guid subscriberId, IReadOnlyList<Guid> profileIds);
}

/// <summary>Thrown by the continue-watching service for a profile behind a parental lock.</summary>
public sealed class ProfileLockedException(string profileName)
    : Exception($"Profile '{profileName}' is locked by a parental PIN.");

public static class ContinueWatchingRegistration
{
    public static IServiceCollection AddContinueWatching(this IServiceCollection services) =>
        services.Decorate<IContinueWatching, CachingContinueWatching>();
}

/// <summary>Scrutor decorator that caches the continue-watching row of each viewing profile.</summary>
public sealed class CachingContinueWatching(
    IContinueWatching inner,
    IMemoryCache cache,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CachingContinueWatching> logger) : IContinueWatching
{
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("vod.continue_watching.lookups");

    public async Task<IReadOnlyList<ContinueRow>> ForProfileAsync(Guid profileId, string profileName)
    {
        var key = $"cw:{profileId}";
        Activity.Current?.SetTag("cache.key", key); // leak TC1001 strings
        Activity.Current?.SetTag("cache.partition", Math.Abs(profileId.GetHashCode()) % 64); // leak TC1002 hashes
        if (cache.TryGetValue<IReadOnlyList<ContinueRow>>(key, out var cached) && cached is not null)
        {
            _lookups.Add(1, new KeyValuePair<string, object?>("cache.result", "hit")); // clean direct
            logger.LogDebug("Continue watching of {ProfileRef} from cache: {Rows}", pseudonymizer.ComputeVodProfileId(profileId.ToString()), cached); // clean precision-pseudonym
            return cached;
        }

        _lookups.Add(1, new KeyValuePair<string, object?>("cache.result", "miss"), new KeyValuePair<string, object?>("vod.profile", profileId)); // leak TC1003 direct
        logger.LogDebug("Loading continue watching for {ProfileName}", profileName); // leak TC1001 direct
        try
        {
            var rows = await inner.ForProfileAsync(profileId, profileName);
            cache.Set(key, rows, TimeSpan.FromMinutes(2));
            logger.LogDebug("Cached {Count} rows, newest {NewestTitle}", rows.Count, rows.FirstOrDefault()?.TitleId); // clean precision-about
            return rows;
        }
        catch (ProfileLockedException ex)
        {
            logger.LogWarning(ex, "Continue watching unavailable"); // leak TC1001 exceptions
            return [];
        }
    }

    public async Task ForgetAsync(Guid subscriberId, IReadOnlyList<Guid> profileIds)
    {
        var keys = profileIds.Select(id => $"cw:{id}").ToList();
        foreach (var key in keys)
        {
            cache.Remove(key);
        }

        logger.LogInformation("Evicted {Keys}", keys); // leak TC1001 logging-objects
        logger.LogInformation("Evicted {Count} profiles of subscriber {SubscriberRef}", keys.Count, pseudonymizer.ComputeVodSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        await inner.ForgetAsync(subscriberId, profileIds);
    }
}
