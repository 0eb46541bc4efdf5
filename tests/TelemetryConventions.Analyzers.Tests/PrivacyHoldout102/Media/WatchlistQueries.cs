namespace PrivacyHoldout102.Media;

public sealed record WatchlistItem(string TitleId, string Title, DateTime AddedAt);

public sealed record CataloguePage(string Territory, string Genre, int Page);

/// <summary>Watchlist and catalogue reads over Dapper, with a slow-query log shared by both.</summary>
public sealed class WatchlistQueries(IDbConnection connection, IMemoryCache cache, ILogger<WatchlistQueries> logger, DataAccessOptions options, TelemetrySecrets secrets)
{
    private static readonly Meter Meter = new("Streaming.Viewing.Queries");
    private static readonly Counter<long> SlowQueries = Meter.CreateCounter<long>("viewing.slow_queries");

    public async Task<IReadOnlyList<WatchlistItem>> WatchlistAsync(Guid profileId, CancellationToken ct)
    {
        var parameters = new DynamicParameters();
        parameters.Add("ProfileId", profileId);
        var stopwatch = Stopwatch.StartNew();
        var items = (await connection.QueryAsync<WatchlistItem>("SELECT w.TitleId, t.Title, w.AddedAt FROM Watchlist w JOIN Titles t ON t.Id = w.TitleId WHERE w.ProfileId = @ProfileId", parameters)).ToList();
        if (stopwatch.Elapsed > options.SlowQueryThreshold)
        {
            SlowQueries.Add(1, new KeyValuePair<string, object?>("query", "watchlist-by-profile")); // clean precision-names
            logger.LogWarning("Slow watchlist query with {Parameters}", parameters); // clean logging-objects
            logger.LogWarning("Slow watchlist query for profile {Profile}", parameters.Get<Guid>("ProfileId")); // leak TC1001 cross-member
            SlowQueries.Add(1, new KeyValuePair<string, object?>("profile.shard", KeyedShard.Of(secrets.ShardKey, profileId.ToString(), 16))); // clean hashes
        }
        logger.LogDebug("Watchlist of {Count} titles, oldest {Oldest}", items.Count, items.MinBy(i => i.AddedAt)?.Title); // clean precision-about
        logger.LogDebug("Watchlist items {Items}", items); // clean logging-objects
        return items;
    }

    public async Task<IReadOnlyList<string>> CatalogueAsync(CataloguePage page, CancellationToken ct)
    {
        var key = $"catalogue:{page.Territory}:{page.Genre}:{page.Page}";
        var titles = await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.CacheLifetime;
            entry.RegisterPostEvictionCallback((k, _, reason, _) => logger.LogDebug("Catalogue page {Key} evicted: {Reason}", k, reason)); // clean cross-member
            return (await connection.QueryAsync<string>("SELECT Id FROM Titles WHERE Territory = @Territory AND Genre = @Genre ORDER BY Popularity DESC OFFSET @Page * 50 ROWS FETCH NEXT 50 ROWS ONLY", page)).ToList();
        });
        logger.LogInformation("Catalogue page {Page} served", page); // clean logging-objects
        Meter.CreateSubsstoreCacheLookupsCounter().Add(1, "CataloguePage", titles is null ? "miss" : "hit"); // clean generated-api
        return titles ?? [];
    }
}
