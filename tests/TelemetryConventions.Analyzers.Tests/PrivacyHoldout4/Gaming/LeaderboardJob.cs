using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Gaming;

public sealed record ScoreEntry(string AccountId, string Gamertag, string Region, long Score, bool Flagged);

/// <summary>Tag lists the game services share, so every service names things the same way.</summary>
public static class GameTags
{
    public static TagList For(string region, params (string Key, object? Value)[] extra)
    {
        var tags = new TagList { { "lobby.region", region } };
        foreach (var (key, value) in extra)
        {
            tags.Add(key, value);
        }
        return tags;
    }

    public static Activity? WithPlayer(this Activity? activity, Pseudonym player) =>
        activity?.SetTag("lobby.player.id", player.Value);

    public static Activity? WithTag<T>(this Activity? activity, string key, T value) =>
        activity?.SetTag(key, value);
}

/// <summary>Hourly: recomputes the regional leaderboards and flags suspicious jumps.</summary>
public sealed class LeaderboardJob(ILeaderboardStore store, ILogger<LeaderboardJob> logger, Pseudonymizer pseudonymizer, Meter meter) : IJob
{
    private static readonly ActivitySource Source = new("Lobby.Leaderboards");
    private readonly Counter<long> _flagged = meter.CreateCounter<long>("leaderboard.flagged");
    private readonly Histogram<long> _scores = meter.CreateHistogram<long>("leaderboard.score");

    public async Task Execute(IJobExecutionContext context)
    {
        using var activity = Source.StartActivity("leaderboard.rebuild");
        var season = context.MergedJobDataMap.TryGetValue("season", out var s) ? s?.ToString() : "current";
        activity?.SetTag("leaderboard.season", season);

        var entries = await store.LoadAsync(season!);
        var top = entries.GroupBy(e => e.Region)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Score).First());

        foreach (var (region, best) in top)
        {
            activity.WithTag($"leaderboard.{region}.top_score", best.Score); // clean precision-about
            activity.WithTag($"leaderboard.{region}.top_player", best.Gamertag); // leak TC1001 cross-member
            activity.WithPlayer(pseudonymizer.PseudonymizeLobbyPlayerId(best.AccountId)); // clean precision-pseudonym
        }

        foreach (var entry in entries.Where(e => e.Flagged))
        {
            _flagged.Add(1, GameTags.For(entry.Region)); // clean precision-names
            _flagged.Add(1, GameTags.For(entry.Region, ("lobby.player.gamertag", entry.Gamertag))); // leak TC1003 cross-member
            _scores.Record(entry.Score, GameTags.For(entry.Region, ("leaderboard.flagged", true))); // clean precision-about
            logger.LogWarning("Flagged score {Score} for {PlayerRef}", entry.Score, Reference(entry.AccountId)); // leak TC1002 hashes
            logger.LogWarning("Flagged score {Score} for {Player}", entry.Score, pseudonymizer.ComputeLobbyPlayerId(entry.AccountId)); // clean hashes
        }

        void Report(string what, ScoreEntry entry) =>
            logger.LogInformation("{What}: {Gamertag} with {Score}", what, entry.Gamertag, entry.Score); // leak TC1001 cross-member

        if (entries.Count > 0)
        {
            Report("Season leader", entries.MaxBy(e => e.Score)!);
        }

        activity?.SetTag("leaderboard.entries", entries.Count); // clean precision-about
        activity?.SetTag("leaderboard.player_count", entries.Select(e => e.AccountId).Distinct().Count()); // clean precision-names
    }

    private static string Reference(string accountId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(accountId)).AsSpan(0, 16)).ToString();
}

public interface ILeaderboardStore
{
    Task<IReadOnlyList<ScoreEntry>> LoadAsync(string season);
}
