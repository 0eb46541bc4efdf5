using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout57.Gaming;

public sealed record Participant(Guid PlayerId, string Gamertag, string Team, int Kills, int Deaths, bool Left);

public sealed record MatchResult(string MatchId, string Mode, string Region, IReadOnlyList<Participant> Participants, string WinningTeam);

public sealed record RatingChange(Guid PlayerId, int Before, int After);

public interface IRatingService
{
    Task<RatingChange> ApplyAsync(string matchId, Participant participant, bool won, CancellationToken cancellationToken);
}

public interface IProgressionService
{
    Task GrantXpAsync(Guid playerId, int xp, CancellationToken cancellationToken);
}

public interface ILeaderboardCache
{
    Task<int> RefreshAsync(string region, CancellationToken cancellationToken);
}

/// <summary>Thrown by the rating service when a player's rating row is locked by another match.</summary>
public sealed class RatingLockedException(Guid playerId) : Exception($"Rating of player {playerId} is locked by another match");

/// <summary>
/// Applies a finished match to every participant: ratings four at a time, XP for all at once, and a
/// leaderboard refresh loop that runs every minute per region.
/// </summary>
public sealed class MatchResultsFanOut(IRatingService ratings, IProgressionService progression, ILeaderboardCache leaderboards, TelemetrySecrets secrets, Meter meter, ILogger<MatchResultsFanOut> logger)
{
    private static readonly ActivitySource Source = new("Lobby.Results");

    private readonly Histogram<int> _ratingDelta = meter.CreateHistogram<int>("lobby.rating.delta");

    public async Task ApplyAsync(MatchResult match, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("lobby.match.apply");
        activity?.SetTag("lobby.match.id", match.MatchId); // clean direct
        activity?.SetTag("lobby.participants", match.Participants.Count); // clean precision-about
        activity?.SetTag("lobby.leavers", match.Participants.Count(p => p.Left)); // clean precision-about

        await Parallel.ForEachAsync(match.Participants, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (participant, token) =>
        {
            var lane = HMACSHA256.HashData(secrets.ShardKey, participant.PlayerId.ToByteArray())[0] & 7;
            try
            {
                var change = await ratings.ApplyAsync(match.MatchId, participant, participant.Team == match.WinningTeam, token);
                _ratingDelta.Record(change.After - change.Before, new KeyValuePair<string, object?>("mode", match.Mode), new KeyValuePair<string, object?>("lane", lane)); // clean hashes
                logger.LogDebug("Rating applied in {Match} for cohort {Cohort}: {Delta}", match.MatchId, HashCode.Combine(participant.PlayerId) & 15, change.After - change.Before); // leak TC1002 hashes
            }
            catch (RatingLockedException ex)
            {
                activity?.AddEvent(new ActivityEvent("lobby.rating.locked", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                logger.LogWarning("Rating locked for a participant of {Match}; retried by the sweeper", match.MatchId); // clean exceptions
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Rating update failed for {Participant}", participant); // leak TC1001 logging-objects
            }
        });

        var grants = match.Participants
            .Where(p => !p.Left)
            .Select(p => (Participant: p, Task: progression.GrantXpAsync(p.PlayerId, XpFor(p, match), cancellationToken)))
            .ToList();
        try
        {
            await Task.WhenAll(grants.Select(g => g.Task));
        }
        catch
        {
            foreach (var (participant, task) in grants.Where(g => g.Task.IsFaulted))
            {
                logger.LogWarning(task.Exception, "XP grant failed for {Gamertag}", participant.Gamertag); // leak TC1001 cross-member
            }
            logger.LogWarning("XP grants failed for {Failed} of {Total} players", grants.Count(g => g.Task.IsFaulted), grants.Count);
        }
    }

    public async Task RefreshLeaderboardsAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var refreshed = await Task.WhenAll(regions.Select(async region => (Region: region, Rows: await leaderboards.RefreshAsync(region, cancellationToken))));
            foreach (var (region, rows) in refreshed)
            {
                logger.LogDebug("Leaderboard {Region} refreshed: {Rows} rows", region, rows); // clean direct
            }
            var topPlayerCount = refreshed.Sum(r => Math.Min(r.Rows, 100));
            logger.LogInformation("Leaderboards refreshed; {TopPlayerCount} players in the regional top 100s", topPlayerCount); // clean precision-names
        }
    }

    private static int XpFor(Participant participant, MatchResult match) => 100 + (participant.Kills * 10) + (participant.Team == match.WinningTeam ? 250 : 0);
}
