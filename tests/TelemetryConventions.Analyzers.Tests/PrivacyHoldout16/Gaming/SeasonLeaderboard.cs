using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Gaming;

public interface IPlayerDirectory
{
    Task<string> GamertagOfAsync(Guid playerId, CancellationToken cancellationToken);
}

public sealed record LeaderboardRow(long Rank, string Gamertag, double Score);

/// <summary>Season and friends leaderboards over sorted sets keyed by player id.</summary>
public sealed partial class SeasonLeaderboard(
    ISortedSetStore store,
    IPlayerDirectory players,
    Pseudonymizer pseudonymizer,
    ILogger<SeasonLeaderboard> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Arena.Leaderboards");

    private readonly Histogram<double> _scores = meter.CreateHistogram<double>("leaderboard.score.submitted");

    private readonly Counter<long> _submissions = meter.CreateCounter<long>("leaderboard.submissions");

    public async Task SubmitAsync(string season, string region, Guid playerId, double score, CancellationToken cancellationToken)
    {
        var key = $"lb:{season}:{region}";
        var member = playerId.ToString("N");
        using var activity = Source.StartActivity("leaderboard.submit");
        activity?.SetTag("leaderboard.key", key); // clean strings
        activity?.SetTag("player.ref", pseudonymizer.ComputeAnalyticsUserId(member)); // clean precision-pseudonym

        var best = await store.IncrementAsync(key, member, score, cancellationToken);
        var rank = await store.RankAsync(key, member, cancellationToken) ?? -1;
        var size = await store.LengthAsync(key, cancellationToken);
        var percentile = size == 0 ? 0 : 100.0 * (size - rank) / size;

        activity?.SetTag("leaderboard.percentile", Math.Round(percentile, 1)); // clean precision-about
        activity?.SetTag("leaderboard.best", best);
        _scores.Record(score, new KeyValuePair<string, object?>("season", season), new("region", region)); // clean precision-about
        _submissions.Add(1, new TagList { { "region", region }, { "player", member } }); // leak TC1003 direct

        if (rank is >= 0 and < 10)
        {
            var gamertag = await players.GamertagOfAsync(playerId, cancellationToken);
            LogTopTen(logger, gamertag, rank + 1, season); // leak TC1001 cross-member
            activity?.AddEvent(new ActivityEvent($"top10:{gamertag}")); // leak TC1001 strings
        }
    }

    public async Task<IReadOnlyList<LeaderboardRow>> FriendsAsync(Guid playerId, IReadOnlyList<Guid> friends, string season, CancellationToken cancellationToken)
    {
        var key = $"lb:friends:{playerId:N}:{season}";
        using var activity = Source.StartActivity("leaderboard.friends");
        activity?.SetTag("leaderboard.key", key); // leak TC1001 strings
        activity?.SetTag("leaderboard.friend.count", friends.Count);

        var rows = new List<LeaderboardRow>();
        var missing = 0;
        foreach (var friend in friends.Append(playerId))
        {
            var rank = await store.RankAsync($"lb:{season}:global", friend.ToString("N"), cancellationToken);
            if (rank is null)
            {
                missing++;
                continue;
            }

            rows.Add(new LeaderboardRow(rank.Value + 1, await players.GamertagOfAsync(friend, cancellationToken), 0));
        }

        rows.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        activity?.SetTag("leaderboard.leader", rows.FirstOrDefault()?.Gamertag); // leak TC1001 cross-member
        logger.LogDebug("Friends board built {@Summary}", new { Rows = rows.Count, Missing = missing, Season = season }); // clean logging-objects
        logger.LogDebug("Friends board {@Rows}", rows); // leak TC1001 logging-objects
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Gamertag} entered the top ten at #{Rank} in {Season}")]
    private static partial void LogTopTen(ILogger logger, string gamertag, long rank, string season);
}
