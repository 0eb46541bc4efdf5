namespace PrivacyHoldout102.Gaming;

public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Region, int Level);

/// <summary>Profiles cached in process for the matchmaker, read with EF and logged when the store is slow.</summary>
public sealed class PlayerProfileCache(GameDbContext db, IMemoryCache cache, ILogger<PlayerProfileCache> logger, DataAccessOptions options)
{
    private static readonly ActivitySource Source = new("Studio.Backend.Profiles");

    public async Task<PlayerProfile?> GetAsync(Guid playerId, CancellationToken ct)
    {
        var key = ("profile", playerId);
        if (cache.TryGetValue(key, out PlayerProfile? profile))
        {
            return profile;
        }
        using var span = Source.StartPlayerstoreQuery("profile-by-player").SetPlayerstoreEntity(nameof(Player)); // clean generated-api
        var stopwatch = Stopwatch.StartNew();
        var query = db.Players.AsNoTracking().TagWith("profile-by-player").Where(p => p.Id == playerId);
        var player = await query.FirstOrDefaultAsync(ct);
        if (stopwatch.Elapsed > options.SlowQueryThreshold)
        {
            logger.LogWarning("Slow profile read ({ElapsedMs} ms): {Sql}", stopwatch.ElapsedMilliseconds, query.ToQueryString()); // leak TC1001 strings
        }
        if (player is null)
        {
            logger.LogDebug("No profile for {Key}", key); // leak TC1001 logging-objects
            return null;
        }
        profile = new PlayerProfile(player.Id, player.Gamertag, player.Region, 1);
        cache.Set(key, profile, options.CacheLifetime);
        span.SetPlayerstoreNote($"cached {player.Gamertag}"); // leak TC1001 generated-api
        span.SetPlayerstoreNote($"cached a profile in {player.Region}"); // clean precision-names
        logger.LogDebug("Cached {Profile}", profile); // leak TC1001 logging-objects
        return profile;
    }
}
