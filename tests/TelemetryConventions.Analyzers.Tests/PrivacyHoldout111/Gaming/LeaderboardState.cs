namespace PrivacyHoldout111.Gaming;

/// <summary>Season leaderboards in Redis sorted sets: a global board per region and a friends board per player.</summary>
public sealed class LeaderboardState(IConnectionMultiplexer redis, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<LeaderboardState> logger)
{
    private static readonly ActivitySource Source = new("Studio.Leaderboards");
    private static readonly Meter Meter = new("Studio.Leaderboards");
    private static readonly Counter<long> Submissions = Meter.CreateCounter<long>("leaderboard.submissions");

    private readonly PlaystateCacheLookupsCounter _lookups = Meter.CreatePlaystateCacheLookupsCounter();

    public async Task SubmitAsync(Guid playerId, string gamertag, string season, string region, double score)
    {
        var db = redis.GetDatabase();
        var global = $"board:{season}:{region}";
        await db.SortedSetAddAsync(global, gamertag, score);
        await db.HashSetAsync($"player-names:{season}", gamertag, playerId.ToString("N"));
        using var span = Source.StartPlaystateCacheFill("redis").SetPlaystateSeason(season).SetPlaystateCacheKey(global); // clean generated-api
        span.Activity?.SetTag("leaderboard.score", score); // clean precision-about
        Submissions.Add(1, new KeyValuePair<string, object?>("season", season), new KeyValuePair<string, object?>("region", region)); // clean precision-names
        Submissions.Add(1, new KeyValuePair<string, object?>("player.shard", KeyedShard.Of(secrets.ShardKey, playerId.ToString("N"), 8))); // clean hashes
        logger.LogDebug("Score {Score} submitted to {Board}", score, global); // clean strings
    }

    public async Task<IReadOnlyList<SortedSetEntry>> TopAsync(string season, string region, int count)
    {
        var db = redis.GetDatabase();
        var top = await db.SortedSetRangeByRankWithScoresAsync($"board:{season}:{region}", 0, count - 1, Order.Descending);
        _lookups.Add(1, "redis", top.Length > 0 ? "hit" : "miss", season); // clean precision-names
        Activity.Current?.SetTag("leaderboard.top.cutoff", top.Length > 0 ? top[^1].Score : 0); // clean precision-about
        Activity.Current?.SetTag("leaderboard.top.leader", top.Length > 0 ? top[0].Element.ToString() : null); // leak TC1001 direct
        logger.LogInformation("Top {Count} of {Season}/{Region}: {Entries}", count, season, region, top); // leak TC1001 logging-objects
        return top;
    }

    public async Task<long> FriendsRankAsync(Guid playerId, string season, IReadOnlyList<Guid> friends)
    {
        var db = redis.GetDatabase();
        var key = $"board:friends:{playerId:N}:{season}";
        try
        {
            foreach (var friend in friends)
            {
                await db.SortedSetAddAsync(key, friend.ToString("N"), 0);
            }
            await db.KeyExpireAsync(key, TimeSpan.FromMinutes(5));
            Activity.Current?.SetTag(PlaystateAttributes.CacheKey, key); // leak TC1001 direct
            Activity.Current?.SetTag("leaderboard.friends.count", friends.Count); // clean precision-about
            return friends.Count;
        }
        catch (RedisTimeoutException ex)
        {
            logger.LogWarning("Friends board timed out: {Error}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return -1;
        }
    }

    public async Task AnnounceAsync(Guid playerId, string season)
    {
        var subscriber = redis.GetSubscriber();
        var payload = JsonSerializer.Serialize(new { player = playerId, season, at = DateTimeOffset.UtcNow });
        await subscriber.PublishAsync(RedisChannel.Literal($"season:{season}:podium"), payload);
        logger.LogInformation("Published podium message {Payload}", payload); // leak TC1001 strings
        Activity.Current?.SetTag(PlaystateAttributes.PlayerId, pseudonymizer.ComputePlaystatePlayerId(playerId.ToString())); // clean precision-pseudonym
    }
}
