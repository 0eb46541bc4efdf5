using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout30.Support.CommandLine;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Gaming;

public sealed record LeaderboardEntry(Guid PlayerId, string Gamertag, long Score, int Rank);

/// <summary><c>liveops repair-leaderboard --season S12 --player &lt;guid&gt; [--player …]</c>: removes banned cheaters' scores.</summary>
public sealed class LeaderboardRepairCommand(ISqlRunner sql, ActivitySource source, ILogger<LeaderboardRepairCommand> logger)
{
    private readonly Option<string> _season = new("--season", "Season id") { IsRequired = true };
    private readonly Option<Guid[]> _players = new("--player", "Player to remove (repeatable)") { IsRequired = true };

    public Command Build()
    {
        var command = new Command("repair-leaderboard", "Removes scores of banned players and re-ranks");
        command.AddOption(_season);
        command.AddOption(_players);
        command.SetHandler(RunAsync);
        return command;
    }

    private async Task RunAsync(InvocationContext context)
    {
        var season = context.ParseResult.GetValueForOption(_season)!;
        var playerIds = context.ParseResult.GetValueForOption(_players) ?? [];
        using var run = source.StartJobRun("repair-leaderboard");
        var removed = new List<LeaderboardEntry>();
        foreach (var playerId in playerIds)
        {
            var entries = await sql.QueryAsync<LeaderboardEntry>("delete from leaderboard where season = @season and player_id = @playerId returning *", new { season, playerId });
            logger.LogInformation("Removed {Count} entries of player {PlayerId} from {Season}", entries.Count, playerId, season); // leak TC1001 direct
            foreach (var entry in entries)
            {
                LeaderboardRepairLog.EntryRemoved(logger, entry.Gamertag, entry.Score); // leak TC1001 cross-member
                LeaderboardRepairLog.EntryRemovedRedacted(logger, entry.Gamertag, entry.Rank); // clean precision-pseudonym
                Activity.Current?.SetTag("repair.last_removed", JsonSerializer.Serialize(entry)); // leak TC1001 logging-objects
            }

            removed.AddRange(entries);
        }

        var reranked = await sql.ExecuteAsync("call rerank_leaderboard(@season)", new { season });
        var summary = new { Season = season, Removed = removed.Count, Reranked = reranked, BestRemovedRank = removed.Count == 0 ? 0 : removed.Min(e => e.Rank) };
        Activity.Current?.SetTag("repair.summary", JsonSerializer.Serialize(summary)); // clean logging-objects
        run.SetJobRowsTouched(removed.Count + reranked); // clean precision-about
        logger.LogInformation("Season {Season}: {Removed} removed, {Reranked} re-ranked", season, removed.Count, reranked); // clean precision-names
    }
}

internal static partial class LeaderboardRepairLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Removed leaderboard entry of {Gamertag} with score {Score}")]
    public static partial void EntryRemoved(ILogger logger, string gamertag, long score);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Removed leaderboard entry of {Gamertag} at rank {Rank}")]
    public static partial void EntryRemovedRedacted(ILogger logger, [PrivateData] string gamertag, int rank);
}
