namespace PrivacyHoldout111.Media;

public sealed record WatchPosition(Guid ProfileId, string TitleId, int PositionSeconds, DateTimeOffset UpdatedAt);

/// <summary>
/// Playback positions per viewing profile in a Redis hash (`cw:{profileId}`, field per title), and the home
/// page's rows output-cached per profile and territory.
/// </summary>
public sealed class ContinueWatchingCache(IConnectionMultiplexer redis, Pseudonymizer pseudonymizer, ILogger<ContinueWatchingCache> logger)
{
    private static readonly ActivitySource Source = new("Streaming.ContinueWatching");
    private static readonly Meter Meter = new("Streaming.ContinueWatching");
    private static readonly Histogram<long> RowSize = Meter.CreateHistogram<long>("cw.row.size");

    private readonly ViewstateCacheLookupsCounter _lookups = Meter.CreateViewstateCacheLookupsCounter();

    public async Task SaveAsync(WatchPosition position)
    {
        var db = redis.GetDatabase();
        var key = $"cw:{position.ProfileId:N}";
        await db.HashSetAsync(key, position.TitleId, position.PositionSeconds);
        await db.KeyExpireAsync(key, TimeSpan.FromDays(90));
        using var span = Source.StartViewstateCacheFill("redis").SetViewstateProfileId(pseudonymizer.PseudonymizeViewstateProfileId(position.ProfileId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("cw.title", position.TitleId); // clean precision-names
        span.Activity?.SetTag("cw.position_s", position.PositionSeconds); // clean precision-about
        logger.LogDebug("Saved position {Position}", position); // leak TC1001 logging-objects
    }

    public async Task<IReadOnlyList<WatchPosition>> RowAsync(Guid profileId, string territory)
    {
        var db = redis.GetDatabase();
        var key = $"cw:{profileId:N}";
        var fields = await db.HashGetAllAsync(key);
        _lookups.Add(1, "redis", fields.Length > 0 ? "hit" : "miss", territory); // clean precision-names
        RowSize.Record(fields.Length, new KeyValuePair<string, object?>("territory", territory)); // clean precision-about
        Activity.Current?.SetTag(ViewstateAttributes.CacheKey, key); // leak TC1001 direct
        Activity.Current?.SetTag("cw.titles", string.Join(",", fields.Select(f => f.Name.ToString()))); // clean strings
        return fields.Select(f => new WatchPosition(profileId, f.Name.ToString(), (int)(long)f.Value, DateTimeOffset.UtcNow)).ToList();
    }

    public async Task ClearTitleAsync(Guid profileId, string titleId)
    {
        var db = redis.GetDatabase();
        var removed = await db.HashSetAsync($"cw:{profileId:N}", titleId, RedisValue.Null);
        logger.LogViewstateCacheEvictedEvent("redis", "removed", $"cw:{profileId:N}/{titleId}"); // leak TC1001 generated-api
        logger.LogViewstateCacheEvictedEvent("redis", "removed", $"cw:*/{titleId}", pseudonymizer.PseudonymizeViewstateProfileId(profileId.ToString())); // clean generated-api
        Activity.Current?.SetTag("cw.removed", removed); // clean precision-about
    }
}

/// <summary>The home page rows' output-cache policy: vary by the profile picked on the who's-watching screen.</summary>
public sealed class HomeRowsPolicy(ILogger<HomeRowsPolicy> logger) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(2);
        if (request.Cookies.TryGetValue("profile", out var profile) && profile is not null)
        {
            context.CacheVaryByRules.VaryByValues["profile"] = profile;
            context.Tags.Add($"profile:{profile}");
        }
        context.CacheVaryByRules.VaryByValues["territory"] = request.Headers.TryGetValue("X-Territory", out var t) ? t : "GB";
        Activity.Current?.SetTag("home.vary.keys", string.Join(",", context.CacheVaryByRules.VaryByValues.Keys)); // clean precision-names
        Activity.Current?.SetTag("home.vary.territory", context.CacheVaryByRules.VaryByValues["territory"]); // clean cross-member
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        logger.LogDebug("Home rows served from cache for {VaryBy}", context.CacheVaryByRules.VaryByValues); // leak TC1001 logging-objects
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        logger.LogDebug("Home rows stored with {TagCount} tags, expiring in {Expiry}", context.Tags.Count, context.ResponseExpirationTimeSpan); // clean precision-about
        return ValueTask.CompletedTask;
    }
}
