using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Support.Web;

namespace PrivacyHoldout31.Media;

public interface IRecommender
{
    Task<IReadOnlyList<string>> ForProfileAsync(Guid profileId, CancellationToken cancellationToken);
}

/// <summary>
/// Recommendation rows are memoized per viewing profile for the life of the node; the rows page is output
/// cached with the tag <c>profile:{profileId}</c>. Profile PINs lock after five failures.
/// </summary>
public sealed class RecommendationMemo(IRecommender recommender, IOutputCacheStore outputCache, IDatabase redis, Meter meter, ILogger<RecommendationMemo> logger)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<IReadOnlyList<string>>>> _rows = new();
    private readonly Counter<long> _pinFailures = meter.CreateCounter<long>("profiles.pin.failures");

    public Task<IReadOnlyList<string>> RowAsync(Guid profileId, CancellationToken ct)
    {
        var created = false;
        var lazy = _rows.GetOrAdd(profileId, id =>
        {
            created = true;
            return new Lazy<Task<IReadOnlyList<string>>>(() => recommender.ForProfileAsync(id, ct));
        });
        if (created)
        {
            logger.LogDebug("Computing recommendations for profile {ProfileId}", profileId); // leak TC1001 direct
        }

        Activity.Current?.SetTag("recs.memoized", !created); // clean precision-about
        return lazy.Value;
    }

    public async Task OnProfileRenamedAsync(Guid profileId, string newName, CancellationToken ct)
    {
        var tag = $"profile:{profileId:N}";
        await outputCache.EvictByTagAsync(tag, ct);
        _rows.TryRemove(profileId, out _);
        logger.LogInformation("Evicted {Tag} after the profile was renamed", tag); // leak TC1001 strings
        Activity.Current?.SetTag("profile.name_length", newName.Length); // clean precision-about
    }

    public async Task<bool> CheckPinAsync(Guid profileId, string profileName, bool correct)
    {
        var attemptsKey = $"pin-attempts:{profileId:N}";
        if (correct)
        {
            await redis.KeyDeleteAsync(attemptsKey);
            return true;
        }

        var attempts = await redis.StringIncrementAsync(attemptsKey);
        await redis.KeyExpireAsync(attemptsKey, TimeSpan.FromMinutes(15));
        _pinFailures.Add(1, new KeyValuePair<string, object?>("profile", profileName)); // leak TC1003 direct
        if (attempts >= 5)
        {
            logger.LogWarning("Profile {ProfileName} locked after {Attempts} PIN failures", profileName, attempts); // leak TC1001 direct
        }

        return false;
    }
}
