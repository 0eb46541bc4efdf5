namespace PrivacyHoldout124.Gaming;

/// <summary>A leaderboard row as the game client receives it. Prints its members.</summary>
public sealed record LeaderboardRow(long Rank, Guid PlayerId, string Gamertag, double Rating, string Region);

/// <summary>
/// Ranked season leaderboards: match results move ratings in a sorted set keyed by the player's id, the
/// client pages through the global board and a player's own neighbourhood, and the top 500 earn the
/// season's title.
/// </summary>
public sealed class SeasonLeaderboardService(
    ILeaderboardStore store,
    ActivitySource source,
    ILogger<SeasonLeaderboardService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IReadOnlyDictionary<Guid, string> gamertags,
    LiveEventOptions options)
{
    private readonly ArenaliveActionsCounter _actions = meter.CreateArenaliveActionsCounter();
    private readonly Histogram<double> _ratingDelta = meter.CreateHistogram<double>("leaderboard.rating.delta");

    public async Task ApplyResultAsync(string season, Guid playerId, double delta, string region)
    {
        using var span = source.StartArenaliveLive($"{season}-ranked");
        var rating = await store.IncrementAsync($"lb:{season}", playerId.ToString(), delta);
        var rank = await store.RankAsync($"lb:{season}", playerId.ToString());

        span.SetArenalivePlayerId(pseudonymizer.PseudonymizeArenalivePlayerId(playerId.ToString())); // clean precision-pseudonym
        span.SetArenaliveQueuePosition(rank ?? -1); // clean precision-about
        _ratingDelta.Record(delta, new("season", season), new("region", region)); // clean precision-about
        _actions.Add(1, $"{season}-ranked", delta >= 0 ? "up" : "down"); // clean precision-about
        logger.LogDebug("Rating now {Rating:0} (rank {Rank}) in {Region}", rating, rank, region); // clean precision-about

        if (rank is < 500)
        {
            logger.LogInformation("{Gamertag} entered the top 500 at {Rank}", gamertags[playerId], rank); // leak TC1001 cross-member
            span.Activity?.AddEvent(new ActivityEvent("top500.entered", tags: new ActivityTagsCollection { ["player"] = playerId, ["rank"] = rank })); // leak TC1001 direct
        }
    }

    public async Task<IReadOnlyList<LeaderboardRow>> PageAsync(string season, int page, string region)
    {
        using var span = source.StartArenaliveLive($"{season}-ranked");
        var entries = await store.RangeByRankAsync($"lb:{season}", page * options.LeaderboardPageSize, (page + 1) * options.LeaderboardPageSize - 1);
        var rows = entries.Select((e, i) => new LeaderboardRow(page * options.LeaderboardPageSize + i + 1, Guid.Parse(e.Element), gamertags[Guid.Parse(e.Element)], e.Score, region)).ToList();

        span.SetArenaliveItem($"page-{page}").SetArenaliveQueueLength(rows.Count); // clean precision-about
        logger.LogDebug("Page {Page} served, ratings {High:0}-{Low:0}", page, rows[0].Rating, rows[^1].Rating); // clean cross-member
        if (page == 0)
        {
            logger.LogInformation("Leader of {Season}: {Leader}", season, rows[0]); // leak TC1001 logging-objects
            span.SetArenaliveNote($"leader {rows[0].Gamertag} at {rows[0].Rating:0}"); // leak TC1001 generated-api
        }
        return rows;
    }

    public void Tier(string season, Guid playerId, double rating)
    {
        var tier = rating switch { >= 2800 => "champion", >= 2200 => "diamond", >= 1600 => "gold", _ => "silver" };
        Activity.Current?.SetTag("leaderboard.tier", tier); // clean precision-about
        Activity.Current?.SetTag("leaderboard.cache.key", $"lb:{season}:around:{playerId}"); // leak TC1001 strings
        Activity.Current?.SetTag("leaderboard.partition", (playerId.GetHashCode() & 0xff).ToString("x2")); // leak TC1002 hashes
        Activity.Current?.SetTag("leaderboard.board.key", $"lb:{season}"); // clean strings
    }
}
