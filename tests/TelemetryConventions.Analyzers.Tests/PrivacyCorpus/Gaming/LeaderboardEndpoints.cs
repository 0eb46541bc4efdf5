using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Gaming;

public sealed record LeaderboardEntry(string PlayerId, string Gamertag, long Score, int Rank);

public interface ILeaderboardStore
{
    IReadOnlyList<LeaderboardEntry> Top(string season, int count);

    LeaderboardEntry? Find(string season, string playerId);
}

/// <summary>Minimal-API endpoints of the leaderboard service.</summary>
public static class LeaderboardEndpoints
{
    private static readonly ActivitySource Source = new("Arena.Leaderboard");
    private static readonly Meter Meter = new("Arena.Leaderboard");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("arena.leaderboard.lookups");

    public static EndpointRoutes MapLeaderboard(this EndpointRoutes routes)
    {
        routes.MapGet("/seasons/{season}/top", (string season, ILeaderboardStore store, ILogger<LeaderboardEntry> logger) =>
        {
            var top = store.Top(season, 100);
            Activity.Current?.SetTag("arena.season", season); // clean direct
            Activity.Current?.SetTag("arena.leaderboard.top_players", string.Join(",", top.Take(3).Select(e => e.PlayerId))); // leak TC1001 strings
            Activity.Current?.SetTag("arena.leaderboard.top_scores", string.Join(",", top.Take(3).Select(e => e.Score))); // clean strings
            logger.LogInformation("Top three: {Names}", string.Concat(top.Take(3).Select(e => e.Gamertag + " "))); // leak TC1001 strings
            return top;
        });

        routes.MapGet("/seasons/{season}/players/{playerId}", (string season, string playerId, ILeaderboardStore store, TelemetrySecrets secrets) =>
        {
            using var activity = Source.StartActivity("leaderboard.player");
            activity?.SetTag("arena.player.key", HashCode.Combine(season, playerId)); // leak TC1002 hashes
            activity?.SetTag("arena.player.key", KeyedShard(secrets.ShardKey, playerId)); // clean precision-about
            Lookups.Add(1, new KeyValuePair<string, object?>("arena.player.shard", KeyedShard(secrets.ShardKey, playerId))); // clean precision-about
            Lookups.Add(1, new KeyValuePair<string, object?>("arena.player.hash", playerId.GetHashCode())); // leak TC1003 hashes
            return store.Find(season, playerId);
        });

        return routes;
    }

    private static int KeyedShard(byte[] shardKey, string playerId)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(playerId), mac);
        return mac[0] % 32;
    }
}

/// <summary>Exports season standings to the analytics partner; ids go through a hash first.</summary>
public sealed class StandingsExporter(TelemetrySecrets secrets, ILogger<StandingsExporter> logger)
{
    private const string Salt = "arena-standings-v2";

    public void Export(IEnumerable<LeaderboardEntry> entries)
    {
        using var activity = new ActivitySource("Arena.Export").StartActivity("standings.export");
        foreach (var entry in entries.Take(1))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes(entry.PlayerId));
            activity?.SetTag("arena.export.sample_player", Convert.ToHexString(hash.GetHashAndReset())); // leak TC1002 hashes

            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secrets.PseudonymKey);
            hmac.AppendData(Encoding.UTF8.GetBytes(entry.PlayerId));
            activity?.SetTag("arena.export.sample_player", Convert.ToHexString(hmac.GetHashAndReset())); // clean hashes

            var salted = SHA256.HashData(Encoding.UTF8.GetBytes(Salt + entry.PlayerId));
            logger.LogInformation("Exported standing of {PlayerHash}", Convert.ToBase64String(salted)); // leak TC1002 hashes
        }
    }
}
