using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Gaming;

public sealed record MatchRow(Guid MatchId, string Mode, string Map, DateTimeOffset PlayedAt, int Placement, int Score);

public sealed record LeaderboardRow(string Gamertag, int Rating, int Wins);

public sealed record ErasureRequest(Guid RequestId, Guid PlayerId, string ContactEmail, DateTimeOffset ReceivedAt);

public interface IStatsConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Match history and leaderboards, read with Dapper from the stats replica.</summary>
public sealed class MatchHistoryStore(IStatsConnectionFactory connections, ILogger<MatchHistoryStore> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Gaming.Stats");

    public async Task<IReadOnlyList<MatchRow>> GetRecentMatchesAsync(Guid playerId, int take, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("query", "Match").SetDataStore("stats").SetDataQueryName("RecentMatches");
        await using var connection = await connections.OpenAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var rows = (await connection.QueryAsync<MatchRow>(
            "SELECT TOP (@Take) m.match_id, m.mode, m.map, m.played_at, mp.placement, mp.score FROM stats.match_players mp JOIN stats.matches m ON m.match_id = mp.match_id WHERE mp.player_id = @PlayerId ORDER BY m.played_at DESC",
            new { Take = take, PlayerId = playerId })).ToList();

        span.SetDataRows(rows.Count); // clean precision-about
        meter.CreateDataQueryDurationHistogram().Record(watch.Elapsed.TotalSeconds, dataQueryName: "RecentMatches", dataStore: "stats", dataSubjectId: pseudonymizer.PseudonymizeDataSubjectId(playerId.ToString())); // leak TC1003 precision-pseudonym
        if (rows.Count > 0)
        {
            logger.LogDebug("Latest match {MatchId} in {Mode} on {Map}", rows[0].MatchId, rows[0].Mode, rows[0].Map); // clean direct
        }

        return rows;
    }

    public async Task<IReadOnlyList<LeaderboardRow>> GetRegionalBoardAsync(string season, string region, int take, CancellationToken cancellationToken)
    {
        // Built as text because the board view's TOP and partition hints are not parameterisable on the replica.
        var sql = $"SELECT TOP ({take}) gamertag, rating, wins FROM stats.board_{season} WITH (NOLOCK) WHERE region = '{region}' ORDER BY rating DESC";
        logger.LogDebug("Board query: {Sql}", sql); // clean strings

        await using var connection = await connections.OpenAsync(cancellationToken);
        var board = (await connection.QueryAsync<LeaderboardRow>(sql)).ToList();
        Activity.Current?.SetTag("gaming.board.entries", board.Count); // clean precision-about
        Activity.Current?.SetTag("gaming.board.top_rating", board.FirstOrDefault()?.Rating); // clean precision-about
        return board;
    }

    public async Task<IReadOnlyList<LeaderboardRow>> GetFriendsBoardAsync(string season, IReadOnlyCollection<string> friendGamertags, CancellationToken cancellationToken)
    {
        var inList = string.Join(",", friendGamertags.Select(tag => $"'{tag.Replace("'", "''")}'"));
        var sql = $"SELECT gamertag, rating, wins FROM stats.board_{season} WHERE gamertag IN ({inList}) ORDER BY rating DESC";
        logger.LogDebug("Friends board query: {Sql}", sql); // leak TC1001 strings
        Activity.Current?.SetTag("gaming.board.friends", friendGamertags.Count); // clean precision-names

        await using var connection = await connections.OpenAsync(cancellationToken);
        var board = (await connection.QueryAsync<LeaderboardRow>(sql)).ToList();
        Activity.Current?.SetTag("gaming.board.leader", board.FirstOrDefault()?.Gamertag); // leak TC1001 cross-member
        return board;
    }
}

/// <summary>Hard-deletes players thirty days after they asked to be erased (rows were soft-deleted at the request).</summary>
public sealed class PlayerErasureJob(PlayersContext db, ILogger<PlayerErasureJob> logger, Pseudonymizer pseudonymizer)
{
    public async Task RunAsync(IReadOnlyList<ErasureRequest> due, CancellationToken cancellationToken)
    {
        var ids = due.Select(r => r.PlayerId).ToList();
        using var scope = logger.BeginScope("Erasure batch of {Count} requests, first {RequestId}", due.Count, due.Count > 0 ? due[0].RequestId : Guid.Empty); // clean logging-objects

        var erased = await db.Players.IgnoreQueryFilters()
            .Where(p => ids.Contains(p.Id) && p.DeletedAt != null)
            .ExecuteDeleteAsync(cancellationToken);

        logger.LogInformation("Erased {Erased} of {Due} players", erased, due.Count); // clean precision-about
        if (erased < due.Count)
        {
            logger.LogWarning("Some players were not erased; batch was {PlayerIds}", ids); // leak TC1001 logging-objects
        }

        foreach (var request in due)
        {
            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ContactEmail.ToLowerInvariant())))[..16];
            logger.LogInformation("Erasure {RequestId} done; suppression fingerprint {Fingerprint}", request.RequestId, fingerprint); // leak TC1002 hashes
            logger.LogInformation("Erasure {RequestId} tombstone {Tombstone}", request.RequestId, pseudonymizer.ComputeDataSubjectId(request.PlayerId.ToString())); // clean precision-pseudonym
        }
    }
}
