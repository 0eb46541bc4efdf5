using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout5.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout5.Gaming;

public abstract record LobbyEvent(string LobbyId, DateTimeOffset At);

public sealed record PlayerJoined(string LobbyId, DateTimeOffset At, string AccountId, string Gamertag, string Region) : LobbyEvent(LobbyId, At);

public sealed record PlayerKicked(string LobbyId, DateTimeOffset At, string AccountId, string KickedBy, string Reason) : LobbyEvent(LobbyId, At);

public sealed record LobbyClosed(string LobbyId, DateTimeOffset At, int PlayerCount) : LobbyEvent(LobbyId, At);

public sealed record ChatReported(string LobbyId, DateTimeOffset At, string ReporterAccountId, string ReportedGamertag, string Excerpt) : LobbyEvent(LobbyId, At);

/// <summary>Game servers write lobby events to a channel; this worker drains it.</summary>
public sealed class LobbyEventPipeline(
    Channel<LobbyEvent> channel,
    Pseudonymizer pseudonymizer,
    ILogger<LobbyEventPipeline> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Arena.Lobbies");
    private static readonly Meter Meter = new("Arena.Lobbies");
    private static readonly Counter<long> Kicks = Meter.CreateCounter<long>("arena.lobby.kicks");
    private static readonly Histogram<int> LobbySizes = Meter.CreateHistogram<int>("arena.lobby.size");

    public ValueTask PublishAsync(LobbyEvent lobbyEvent, CancellationToken cancellationToken) =>
        channel.Writer.WriteAsync(lobbyEvent, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var lobbyEvent in channel.Reader.ReadAllAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("arena.lobby.event");
            activity?.SetTag("arena.lobby.id", lobbyEvent.LobbyId); // clean precision-names
            switch (lobbyEvent)
            {
                case PlayerJoined joined:
                    using (var span = Source.StartLobbyJoin(pseudonymizer.PseudonymizeLobbyPlayerId(joined.AccountId), joined.LobbyId)) // clean generated-api
                    {
                        span.SetLobbyRegion(joined.Region); // clean generated-api
                        activity?.SetTag("arena.player.gamertag", joined.Gamertag); // leak TC1001 direct
                        logger.LogDebug("Lobby join {Event}", joined); // leak TC1001 logging-objects
                        activity?.SetTag("arena.player.bucket", Math.Abs(joined.AccountId.GetHashCode() % 32)); // leak TC1002 hashes
                    }
                    break;
                case PlayerKicked kicked:
                    activity?.SetTag("arena.kick.reason", kicked.Reason); // clean precision-names
                    activity?.SetTag("arena.kick.by", kicked.KickedBy); // leak TC1001 direct
                    Kicks.Add(1, new KeyValuePair<string, object?>("arena.player", pseudonymizer.PseudonymizeLobbyPlayerId(kicked.AccountId).Value)); // leak TC1003 precision-pseudonym
                    Kicks.Add(1, new KeyValuePair<string, object?>("arena.kick.reason", kicked.Reason)); // clean precision-names
                    break;
                case LobbyClosed closed:
                    LobbySizes.Record(closed.PlayerCount, new KeyValuePair<string, object?>("arena.lobby.closed", true)); // clean precision-names
                    break;
                case ChatReported report:
                    activity?.SetTag("arena.report.payload", JsonSerializer.Serialize(report)); // leak TC1001 logging-objects
                    activity?.SetTag("arena.report.excerpt_length", report.Excerpt.Length); // clean precision-about
                    logger.LogInformation("Chat report {@Report}", new { report.LobbyId, report.At }); // clean logging-objects
                    break;
                default:
                    logger.LogWarning("Unknown lobby event {EventType}", lobbyEvent.GetType().Name); // clean logging-objects
                    break;
            }
        }
    }
}

/// <summary>The lobby's join flow; a failed join keeps the lobby's own identifiers only.</summary>
public sealed class LobbyJoinService(Pseudonymizer pseudonymizer, ILogger<LobbyJoinService> logger)
{
    private static readonly ActivitySource Source = new("Arena.Lobbies");

    public void Join(string accountId, string gamertag, string lobbyId, int lobbySize)
    {
        var player = pseudonymizer.PseudonymizeLobbyPlayerId(accountId);
        using var span = Source.StartLobbyJoin(player, lobbyId).SetLobbySize(lobbySize); // clean generated-api
        if (lobbySize >= 16)
        {
            var full = new InvalidOperationException($"Lobby {lobbyId} is full");
            span.RecordException(full); // clean exceptions
            logger.LogWarning(full, "{Gamertag} could not join", gamertag); // leak TC1001 direct
            return;
        }
        span.Activity?.SetTag(LobbyAttributes.PlayerId, accountId); // leak TC1001 generated-api
        span.Activity?.SetTag("arena.player.handle_length", gamertag.Length); // clean precision-about
    }
}
