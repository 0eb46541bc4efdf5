using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;

namespace PrivacyHoldout19.Gaming;

/// <summary>In-match realtime: match groups, friends' presence groups, whispers and typing in the lobby chat.</summary>
[Authorize]
public sealed class MatchHub(IMatchmaking matchmaking, PlayerPresence presence, LobbyChatModerator moderator, ILogger<MatchHub> logger) : Hub
{
    private const string HubName = "match";

    private string PlayerId => Context.UserIdentifier!;

    public override async Task OnConnectedAsync()
    {
        var group = $"friends-of-{PlayerId}";
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        logger.LogDebug("Added {ConnectionId} to {Group}", Context.ConnectionId, group); // leak TC1001 strings
        if (presence.Connect(PlayerId, Context.ConnectionId))
        {
            await Clients.Group(group).SendAsync("friendOnline", Context.User?.FindFirst("gamertag")?.Value);
        }

        GameTelemetry.Meter.CreateRealtimeConnectionsUpDownCounter().Add(1, HubName, "websockets"); // clean generated-api
    }

    public async Task JoinMatch(Guid matchId)
    {
        var roster = await matchmaking.RosterAsync(matchId, Context.ConnectionAborted);
        if (roster is null || !roster.TeamByPlayer.TryGetValue(PlayerId, out var team))
        {
            throw new InvalidOperationException($"Player {PlayerId} is not on a team in match {matchId}."); // leak TC1001 exceptions
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, $"match-{matchId}");
        await Groups.AddToGroupAsync(Context.ConnectionId, $"match-{matchId}-{team}");
        logger.LogInformation("Connection {ConnectionId} joined match {MatchId} ({Mode}) on team {Team}", Context.ConnectionId, matchId, roster.Mode, team); // clean precision-names
        logger.LogInformation("Player {PlayerId} joined match {MatchId}", PlayerId, matchId); // leak TC1001 direct
    }

    [Authorize(Policy = "match-host")]
    public async Task Kick(Guid matchId, string playerId)
    {
        await Clients.User(playerId).SendAsync("kicked", matchId);
        logger.LogWarning("Player {Kicked} kicked from match {MatchId} by the host", playerId, matchId); // leak TC1001 direct
    }

    public async Task StartTyping(Guid matchId)
    {
        await Clients.OthersInGroup($"match-{matchId}").SendAsync("typing", Context.User?.FindFirst("gamertag")?.Value);
        Activity.Current?.AddEvent(new ActivityEvent("typing", tags: new ActivityTagsCollection { ["match.id"] = matchId, ["connection.id"] = Context.ConnectionId })); // clean precision-names
    }

    public async Task SendToMatch(Guid matchId, string body)
    {
        var text = moderator.Screen($"match-{matchId}", PlayerId, body);
        await Clients.Group($"match-{matchId}").SendAsync("chat", Context.User?.FindFirst("gamertag")?.Value, text);
        GameTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, HubName, $"match-{matchId}"); // clean generated-api
    }

    public async Task Whisper(string recipientId, string body)
    {
        var text = moderator.Screen("whisper", PlayerId, body);
        await Clients.User(recipientId).SendAsync("whisper", Context.User?.FindFirst("gamertag")?.Value, text);
        GameTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, HubName, $"dm-{recipientId}"); // leak TC1003 strings
        Activity.Current?.SetTag("whisper.recipient", recipientId); // leak TC1001 direct
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnect(PlayerId, Context.ConnectionId);
        GameTelemetry.Meter.CreateRealtimeConnectionsUpDownCounter().Add(-1, HubName, "websockets");
        await base.OnDisconnectedAsync(exception);
    }
}
