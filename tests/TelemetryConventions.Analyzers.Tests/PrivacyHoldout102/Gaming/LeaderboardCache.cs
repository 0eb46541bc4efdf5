namespace PrivacyHoldout102.Gaming;

public sealed record LeaderboardEntry(Guid PlayerId, string Gamertag, long Score, int Rank);

/// <summary>Season leaderboards: Dapper over the scores table, pages cached in process and in Redis.</summary>
public sealed class LeaderboardCache(IDbConnection connection, IDatabase redis, IMemoryCache cache, ILogger<LeaderboardCache> logger, TelemetrySecrets secrets, DataAccessOptions options)
{
    private static readonly Meter Meter = new("Studio.Backend.Leaderboards");

    public async Task<IReadOnlyList<LeaderboardEntry>> PageAsync(string season, string region, int page, CancellationToken ct)
    {
        var key = $"board:{season}:{region}:{page}";
        if (cache.TryGetValue(key, out IReadOnlyList<LeaderboardEntry>? entries) && entries is not null)
        {
            Meter.CreatePlayerstoreCacheLookupsCounter().Add(1, "LeaderboardPage", "hit"); // clean generated-api
            return entries;
        }
        logger.LogDebug("Leaderboard page miss {Key}", key); // clean precision-names
        var stopwatch = Stopwatch.StartNew();
        entries = (await connection.QueryAsync<LeaderboardEntry>(
            "SELECT p.Id AS PlayerId, p.Gamertag, s.Score, RANK() OVER (ORDER BY s.Score DESC) AS Rank FROM Scores s JOIN Players p ON p.Id = s.PlayerId WHERE s.Season = @season AND p.Region = @region ORDER BY s.Score DESC OFFSET @offset ROWS FETCH NEXT 100 ROWS ONLY",
            new { season, region, offset = page * 100 })).ToList();
        Meter.CreatePlayerstoreQueryDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, "season-leaderboard", "Score"); // clean generated-api
        cache.Set(key, entries, options.CacheLifetime);
        logger.LogInformation("Page {Page} of {Season}/{Region}: top score {Top}, cut-off {Cutoff}", page, season, region, entries.FirstOrDefault()?.Score, entries.LastOrDefault()?.Score); // clean precision-about
        logger.LogInformation("Page {Page} of {Season} led by {Leader}", page, season, entries.FirstOrDefault()?.Gamertag); // leak TC1001 cross-member
        logger.LogDebug("Page {Page} entries {Entries}", page, entries); // leak TC1001 logging-objects
        return entries;
    }

    public async Task<long?> PlayerRankAsync(Guid playerId, string season, CancellationToken ct)
    {
        var key = $"rank:{season}:{playerId}";
        var lane = KeyedShard.Of(secrets.ShardKey, playerId.ToString(), 8);
        Activity.Current?.SetTag("board.rank.lane", lane); // clean hashes
        Activity.Current?.SetTag("board.rank.bucket", playerId.GetHashCode() & 0xff); // leak TC1002 hashes
        try
        {
            var value = await redis.StringGetAsync(key);
            Activity.Current?.SetTag("board.rank.cached", value.HasValue); // clean precision-about
            return value.HasValue ? long.Parse(value.ToString(), CultureInfo.InvariantCulture) : null;
        }
        catch (RedisTimeoutException ex)
        {
            logger.LogWarning(ex, "Rank read timed out for season {Season}", season); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", nameof(RedisTimeoutException)); // clean exceptions
            return null;
        }
    }

    public async Task InvalidateSeasonAsync(string season, IServer server, CancellationToken ct)
    {
        var removed = 0;
        await foreach (var key in server.KeysAsync(pattern: $"board:{season}:*"))
        {
            await redis.KeyDeleteAsync(key);
            removed++;
            logger.LogTrace("Deleted {Key}", key); // clean cross-member
        }
        logger.LogInformation("Invalidated {Count} leaderboard pages of {Season}", removed, season); // clean precision-about
    }
}
