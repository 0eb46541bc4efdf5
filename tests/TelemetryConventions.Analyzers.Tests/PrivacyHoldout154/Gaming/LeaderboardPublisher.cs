namespace PrivacyHoldout154.Gaming;

/// <summary>Publishes the weekly smooth-driving leaderboard to the game and to the dealers' showroom screens.</summary>
public sealed class LeaderboardPublisher(ILogger<LeaderboardPublisher> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("RacePromo.Leaderboard");

    public void Publish(IReadOnlyList<LeaderboardEntry> entries, IReadOnlyDictionary<string, Guid> playerIdsByGamertag, string platform)
    {
        using var activity = Source.StartActivity("leaderboard.publish");
        activity.EnrichRacepromoOperation(platform).SetRacepromoEntryCount(entries.Count); // clean precision-about
        activity?.SetTag("leaderboard.top_score", entries.Count > 0 ? entries[0].Score : 0); // clean precision-about
        activity?.SetTag("leaderboard.top_driver", entries.Count > 0 ? entries[0].Gamertag : null); // leak TC1001 direct
        activity?.SetTag("leaderboard.top3", string.Join(" / ", entries.Take(3).Select(e => $"{e.Rank}. {e.Gamertag}"))); // leak TC1001 strings
        activity?.SetTag("leaderboard.score_spread", string.Join(",", entries.Take(3).Select(e => e.Score))); // clean strings
        logger.LogInformation("Leaderboard published: {Entries}", entries); // leak TC1001 logging-objects
        logger.LogInformation("Leaderboard published with {Count} entries", entries.Count); // clean precision-about
        foreach (var entry in entries.Take(3))
        {
            var playerId = playerIdsByGamertag[entry.Gamertag];
            activity?.AddEvent(new ActivityEvent("leaderboard.podium", tags: new ActivityTagsCollection { ["rank"] = entry.Rank, ["player"] = pseudonymizer.ComputeRacepromoPlayerId(playerId.ToString()) })); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("leaderboard.podium", tags: new ActivityTagsCollection { ["rank"] = entry.Rank, ["player.id"] = playerId })); // leak TC1001 direct
            activity?.SetTag($"leaderboard.rank.{entry.Rank}.player", Pseudonym.FromComputed(playerId.ToString()).Value); // leak TC1001 precision-pseudonym
        }
    }
}
