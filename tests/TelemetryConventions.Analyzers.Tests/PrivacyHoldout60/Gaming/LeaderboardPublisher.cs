using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Gaming;

public sealed record SeasonStanding(Guid PlayerId, string Gamertag, string Region, int Rating, int Wins, int Losses, string Tier);

public interface IStandingsStore
{
    Task<IReadOnlyList<SeasonStanding>> StandingsAsync(string seasonId, string region, DateOnly asOf, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> FriendsAsync(IEnumerable<Guid> playerIds, CancellationToken cancellationToken);
}

public interface IBoardCache
{
    Task SetAsync(string key, IReadOnlyList<SeasonStanding> entries, CancellationToken cancellationToken);
}

/// <summary>Publishes the daily season leaderboard of a region, its climbers and the friends boards.</summary>
public sealed class LeaderboardPublisher(
    IStandingsStore store,
    IBoardCache cache,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<LeaderboardPublisher> logger)
{
    public async Task PublishAsync(string seasonId, string region, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var standings = await store.StandingsAsync(seasonId, region, today, cancellationToken);
        using var span = source.StartSeasonLeaderboardPublish(seasonId, region); // clean direct
        var board = standings
            .OrderByDescending(s => s.Rating)
            .ThenByDescending(s => s.Wins)
            .Select((s, i) => (Rank: i + 1, Standing: s))
            .ToList();
        span.SetSeasonPlayersCount(board.Count);
        if (board.Count == 0)
        {
            return;
        }

        span.SetSeasonScoreTop(board[0].Standing.Rating); // clean precision-about
        var podium = board.Take(3).Select(b => b.Standing.Gamertag).ToArray();
        span.SetSeasonNote($"podium: {string.Join(" / ", podium)}"); // leak TC1001 generated-api
        logger.LogSeasonLeaderboardPublishedEvent(seasonId, region, pseudonymizer.PseudonymizeSeasonPlayerId(board[0].Standing.PlayerId.ToString()), board[0].Standing.Rating, $"{board.Count} ranked players"); // clean precision-pseudonym

        var tiers = board.GroupBy(b => b.Standing.Tier).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Season {Season} {Region} tiers {@Tiers}", seasonId, region, tiers); // clean logging-objects

        var champion = board.First().Standing;
        logger.LogInformation("Champion of {Region}: {Champion}", region, champion); // leak TC1001 logging-objects
        logger.LogInformation("Champion of {Region}: rating {Rating}, {Wins}-{Losses}", region, champion.Rating, champion.Wins, champion.Losses); // clean precision-about

        try
        {
            span.Activity?.SetTag("season.top10.cutoff_rating", board.ElementAt(9).Standing.Rating); // clean precision-about
        }
        catch (ArgumentOutOfRangeException ex)
        {
            logger.LogDebug(ex, "Fewer than ten ranked players in {Region}", region); // clean exceptions
        }

        var cutoff = board.ElementAtOrDefault(99);
        span.Activity?.SetTag("season.top100.cutoff_rating", cutoff.Standing?.Rating); // clean precision-about
        span.Activity?.SetTag("season.top100.last_player", cutoff.Standing?.PlayerId); // leak TC1001 direct
        span.Activity?.SetTag("season.win_rate.mean", board.Average(b => (double)b.Standing.Wins / Math.Max(1, b.Standing.Wins + b.Standing.Losses))); // clean precision-about

        var suspects = board
            .Where(b => b.Standing.Wins + b.Standing.Losses < 30 && b.Standing.Wins >= 25)
            .Select(b => b.Standing.PlayerId)
            .ToList();
        logger.LogWarning("Possible smurf accounts: {Players}", suspects); // leak TC1001 logging-objects
        logger.LogWarning("Possible smurf accounts: {Players}", suspects.Select(p => pseudonymizer.ComputeSeasonPlayerId(p.ToString()))); // clean precision-pseudonym

        var yesterday = await store.StandingsAsync(seasonId, region, today.AddDays(-1), cancellationToken);
        var previousRank = yesterday.OrderByDescending(s => s.Rating).Select((s, i) => (s.PlayerId, Rank: i + 1)).ToDictionary(x => x.PlayerId, x => x.Rank);
        var climbers = board
            .Where(b => previousRank.ContainsKey(b.Standing.PlayerId))
            .Select(b => new { b.Standing.Gamertag, Gained = previousRank[b.Standing.PlayerId] - b.Rank })
            .OrderByDescending(c => c.Gained)
            .Take(5)
            .ToList();
        logger.LogInformation("Biggest climbers {@Climbers}", climbers); // leak TC1001 logging-objects
        logger.LogInformation("Biggest climbs {Climbs}", climbers.Select(c => c.Gained)); // clean logging-objects
        var newcomers = board.Select(b => b.Standing.PlayerId).Except(previousRank.Keys).Count();
        span.Activity?.SetTag("season.newcomers", newcomers);

        var regionKey = $"board:{seasonId}:{region}";
        await cache.SetAsync(regionKey, board.Take(100).Select(b => b.Standing).ToList(), cancellationToken);
        logger.LogDebug("Cached {Key} with {Entries} entries", regionKey, Math.Min(100, board.Count)); // clean strings

        var friends = await store.FriendsAsync(board.Take(100).Select(b => b.Standing.PlayerId), cancellationToken);
        var byId = board.ToDictionary(b => b.Standing.PlayerId, b => b.Standing);
        foreach (var (playerId, friendIds) in friends)
        {
            var friendsBoard = friendIds.Append(playerId).Where(byId.ContainsKey).Select(id => byId[id]).OrderByDescending(s => s.Rating).ToList();
            var friendsKey = $"friends:{seasonId}:{playerId:N}";
            await cache.SetAsync(friendsKey, friendsBoard, cancellationToken);
            logger.LogDebug("Friends board of {Player}: {Friends} friends", playerId, friendIds.Count); // leak TC1001 cross-member
            logger.LogDebug("Cached {Key} with {Entries} entries", friendsKey, friendsBoard.Count); // leak TC1001 strings
        }
        logger.LogInformation("Friends boards: {Boards}, mean size {Size:F1}", friends.Count, friends.Values.Select(f => f.Count + 1).DefaultIfEmpty().Average());
    }
}
