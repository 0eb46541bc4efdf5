using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout27.Support;

namespace PrivacyHoldout27.Gaming;

/// <summary>Turns the matchmaking listener's events into span tags and log lines.</summary>
public sealed class MatchmakingSpanObserver(ILogger<MatchmakingSpanObserver> logger)
    : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Arena.Matchmaking")
        {
            listener.Subscribe(this, static (name, _, _) => name.StartsWith("Arena.Matchmaking", StringComparison.Ordinal));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var activity = Activity.Current;
        switch (value.Key)
        {
            case "Arena.Matchmaking.Search.Start":
                activity?.SetTag("arena.title", PayloadProperty.Read<string>(value.Value, "TitleId"));
                activity?.SetTag("arena.player.ref", PayloadProperty.Read<string>(value.Value, "PlayerRef")); // clean precision-pseudonym
                break;

            case "Arena.Matchmaking.TicketQueued" when value.Value is TicketQueued queued:
                activity?.SetTag("arena.ticket.id", queued.TicketId.ToString());
                activity?.SetTag("arena.player.id", queued.PlayerId.ToString()); // leak TC1001 cross-member
                break;

            case "Arena.Matchmaking.MatchFound":
                activity?.SetTag("arena.match.id", PayloadProperty.Read(value.Value, "MatchId")?.ToString());
                activity?.SetTag("arena.match.player_count", PayloadProperty.Read(value.Value, "PlayerCount")); // clean precision-names
                break;

            case "Arena.Matchmaking.TicketExpired":
                logger.LogInformation("Matchmaking ticket expired: {Ticket}", value.Value); // leak TC1001 logging-objects
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error) => logger.LogWarning(error, "Matchmaking listener failed");
}
