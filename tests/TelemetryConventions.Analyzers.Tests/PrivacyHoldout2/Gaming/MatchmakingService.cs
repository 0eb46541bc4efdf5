using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout2.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Gaming;

public sealed record QueuedPlayer(string PlayerId, string Gamertag, int Skill, string Region, string? Email);

public sealed record Lobby(Guid LobbyId, IReadOnlyList<QueuedPlayer> Players, string Region);

public sealed record MatchFound(Guid MatchId, Lobby Lobby) : INotification;

public sealed class MatchmakingOptions
{
    public int LobbySize { get; set; } = 8;

    public int MaxSkillSpread { get; set; } = 300;
}

public sealed partial class MatchmakingService(ILogger<MatchmakingService> logger, Meter meter, Pseudonymizer pseudonymizer, IOptions<MatchmakingOptions> options)
{
    private static readonly ActivitySource Source = new("Arena.Matchmaking");
    private readonly Histogram<double> _waitSeconds = meter.CreateHistogram<double>("arena.queue.wait", "s");
    private readonly UpDownCounter<int> _queued = meter.CreateUpDownCounter<int>("arena.queue.size");

    public Lobby? TryForm(IReadOnlyList<QueuedPlayer> queue, string region)
    {
        using var activity = Source.StartActivity("lobby.form");
        var playerCount = queue.Count;
        activity?.SetTag("arena.queue.player_count", playerCount); // clean precision-names
        _queued.Add(playerCount, new KeyValuePair<string, object?>("region", region)); // clean precision-about

        var candidates = queue.OrderBy(p => p.Skill).Take(options.Value.LobbySize).ToList();
        if (candidates.Count < options.Value.LobbySize)
        {
            LogShortLobby(logger, region, candidates.Count); // clean precision-about
            return null;
        }

        var spread = candidates[^1].Skill - candidates[0].Skill;
        if (spread > options.Value.MaxSkillSpread)
        {
            var (lowest, highest) = (candidates[0].Gamertag, candidates[^1].Gamertag);
            activity?.AddEvent(new ActivityEvent("lobby.spread_too_wide", tags: new ActivityTagsCollection { ["spread"] = spread, ["lowest"] = lowest, ["highest"] = highest })); // leak TC1001 cross-member
            return null;
        }

        var lobby = new Lobby(Guid.NewGuid(), candidates, region);
        activity?.SetTag("arena.lobby.id", lobby.LobbyId.ToString()); // clean precision-names
        activity?.SetTag("arena.lobby.players", string.Join(",", candidates.Select(p => p.PlayerId))); // leak TC1001 strings
        activity?.SetTag("arena.lobby.players", string.Join(",", candidates.Select(p => pseudonymizer.PseudonymizeArenaPlayerId(p.PlayerId).Value))); // clean precision-pseudonym
        LogLobbyFormed(logger, lobby.LobbyId, candidates[0].Gamertag); // leak TC1001 direct

        foreach (var player in candidates)
        {
            _waitSeconds.Record(12, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("gamertag", player.Gamertag)); // leak TC1003 direct
        }

        return lobby;
    }

    public void StartMatch(MatchFound found)
    {
        var host = found.Lobby.Players[0];
        using var span = Source.StartArenaMatch(pseudonymizer.PseudonymizeArenaPlayerId(host.PlayerId)); // clean generated-api
        span.SetArenaMatchId(found.MatchId.ToString()); // clean generated-api
        span.SetArenaRoundCount(found.Lobby.Players.Count); // clean precision-about
        span.SetArenaNote("hosted by " + host.Gamertag); // leak TC1001 generated-api
        using var span2 = Source.StartArenaMatch(Pseudonym.FromComputed(host.PlayerId)); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("arena.host", pseudonymizer.PseudonymizeArenaPlayerId(host.PlayerId).Value); // clean precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lobby in {Region} still short: {Count} players")]
    private static partial void LogShortLobby(ILogger logger, string region, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lobby {LobbyId} formed, host {HostGamertag}")]
    private static partial void LogLobbyFormed(ILogger logger, Guid lobbyId, string hostGamertag);
}
