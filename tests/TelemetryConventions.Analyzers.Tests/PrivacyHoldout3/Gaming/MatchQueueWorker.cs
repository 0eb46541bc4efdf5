using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Gaming;

public sealed record QueueTicket(string TicketId, string PlayerId, string Gamertag, int SkillRating, string Region, LobbyMode Mode, IReadOnlyList<string> PartyMemberIds);

public sealed record MatchFound(string MatchId, IReadOnlyList<QueueTicket> Tickets);

public sealed class MatchmakingOptions
{
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(90);

    public int PlayersPerMatch { get; set; } = 10;
}

public sealed partial class MatchQueueWorker(
    ChannelReader<QueueTicket> tickets,
    ChannelWriter<MatchFound> matches,
    IOptions<MatchmakingOptions> options,
    ILogger<MatchQueueWorker> logger,
    Meter meter,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Arena.Matchmaking");
    private readonly Dictionary<string, List<QueueTicket>> _pools = new();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Queued ticket {@Ticket}")]
    private partial void LogQueued(QueueTicket ticket);

    [LoggerMessage(Level = LogLevel.Information, Message = "Player {Gamertag} waited {WaitSeconds}s")]
    private partial void LogWait(string gamertag, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Match {MatchId} formed with {PlayerCount} players in {Region}")]
    private partial void LogMatchFormed(string matchId, int playerCount, string region);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var formed = meter.CreateCounter<int>("lobby.matches.formed");
        await foreach (var ticket in tickets.ReadAllAsync(stoppingToken))
        {
            LogQueued(ticket); // leak TC1001 logging-objects
            var key = $"{ticket.Region}:{ticket.Mode}:{ticket.SkillRating / 100}";
            if (!_pools.TryGetValue(key, out var pool))
            {
                _pools[key] = pool = new List<QueueTicket>();
            }

            pool.Add(ticket);
            Activity.Current?.SetTag("lobby.pool.key", key); // clean precision-about
            Activity.Current?.SetTag("lobby.pool.size", pool.Count); // clean precision-about

            if (pool.Count < options.Value.PlayersPerMatch)
            {
                continue;
            }

            var match = new MatchFound(Guid.NewGuid().ToString("N"), pool.ToList());
            _pools.Remove(key);
            LogMatchFormed(match.MatchId, match.Tickets.Count, ticket.Region); // clean precision-names
            formed.Add(1, new TagList { { "lobby.region", ticket.Region }, { "lobby.mode", ticket.Mode.ToWireValue() }, { "lobby.player_count", match.Tickets.Count } }); // clean precision-names

            foreach (var member in match.Tickets)
            {
                using var span = Source.StartLobbyQueue(pseudonymizer.PseudonymizeLobbyPlayerId(member.PlayerId), parentContext: default);
                span.SetLobbyTicketId(member.TicketId).SetLobbyMode(member.Mode); // clean generated-api
                span.SetLobbyPartyCount(member.PartyMemberIds.Count); // clean precision-about
                span.SetLobbyNote(string.Join(" ", member.PartyMemberIds)); // leak TC1001 generated-api
                LogWait(member.Gamertag, options.Value.MaxWait.TotalSeconds); // leak TC1001 direct
            }

            await matches.WriteAsync(match, stoppingToken);
        }
    }
}

public sealed class QueueTimeoutNotifier(ILogger<QueueTimeoutNotifier> logger, Pseudonymizer pseudonymizer)
{
    public void OnTimeout(QueueTicket ticket, Activity? activity)
    {
        var player = pseudonymizer.PseudonymizeLobbyPlayerId(ticket.PlayerId);
        logger.LogLobbyQueueTimeoutEvent(player, lobbyNote: $"waited in {ticket.Region}", lobbyTicketId: ticket.TicketId); // clean generated-api
        logger.LogLobbyQueueTimeoutEvent(player, lobbyNote: $"{ticket.Gamertag} gave up"); // leak TC1001 generated-api
        activity?.AddLobbyQueueTimeoutEvent(player, lobbyNote: "timeout"); // clean precision-pseudonym
        activity?.SetTag("lobby.player.ref", player.Value); // clean precision-pseudonym
        activity?.SetTag("lobby.player.handle", ticket.Gamertag); // leak TC1001 direct
    }
}
