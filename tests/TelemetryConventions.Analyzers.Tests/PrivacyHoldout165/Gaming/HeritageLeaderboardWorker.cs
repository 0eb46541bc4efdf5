namespace PrivacyHoldout165.Gaming;

/// <summary>Publishes each realm's heritage leaderboard (oldest, largest family trees) at the end of a season.</summary>
public sealed class HeritageLeaderboardWorker(
    IDynastyPlayers players,
    Pseudonymizer pseudonymizer,
    ILogger<HeritageLeaderboardWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Dynasty.Leaderboard");
    private readonly Histogram<long> _scores = meter.CreateHistogram<long>("leaderboard.score");
    private HeritageRank? _champion;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var season = new Season("s12", "eu-west", 10);
        using var span = Source.StartDynastyOperation(season.Realm);
        var top = await players.TopAsync(season.Realm, 100, stoppingToken);
        span.Activity?.SetTag("leaderboard.rows", top.Count); // clean precision-about
        span.Activity?.SetTag("season", season); // clean logging-objects
        logger.LogInformation("Season {Season} closing", season); // clean logging-objects
        foreach (var row in top)
        {
            _scores.Record(row.Score, new KeyValuePair<string, object?>("realm", season.Realm)); // clean precision-about
            logger.LogDebug("Rank {Rank}: {Row}", row.Rank, row); // leak TC1001 logging-objects
        }

        _champion = top.FirstOrDefault();
        if (_champion is not null)
        {
            span.SetDynastyOutcome($"champion score {_champion.Score}"); // clean generated-api
            span.SetDynastyOutcome($"champion {_champion.Gamertag}"); // leak TC1001 generated-api
            var championKey = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(_champion.Gamertag)));
            logger.LogInformation("Champion key {Key}", championKey); // leak TC1002 hashes
            span.Activity?.AddEvent(new ActivityEvent("leaderboard.champion", tags: new ActivityTagsCollection { ["player"] = pseudonymizer.ComputeDynastyPlayerId(_champion.Gamertag) })); // clean precision-pseudonym
        }

        var rows = new StringBuilder();
        foreach (var row in top.Take(3))
        {
            rows.Append(row.Rank).Append(". ").Append(row.Gamertag).Append(' ');
        }

        span.Activity?.SetTag("leaderboard.podium", rows.ToString()); // leak TC1001 strings
        span.Activity?.SetTag("leaderboard.podium_scores", string.Join("/", top.Take(3).Select(r => r.Score))); // clean strings
    }

    public void Announce() => Activity.Current?.SetTag("leaderboard.champion", _champion?.Gamertag); // leak TC1001 cross-member
}
