using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Gaming;

public sealed record PartyMember(string AccountId, string Gamertag, int Skill);

/// <summary>What every lobby service reports about a party; services override what they know better.</summary>
public interface IPartyTelemetry
{
    ILogger Logger { get; }

    void ReportParty(string leaderAccountId, IReadOnlyList<PartyMember> members)
    {
        Logger.LogInformation("Party of {Size} formed", members.Count); // clean precision-about
        Logger.LogInformation("Party led by {Leader} formed", leaderAccountId); // leak TC1001 direct
    }
}

public sealed class LobbyHub(ILogger<LobbyHub> logger, Pseudonymizer pseudonymizer, ILobbyDirectory lobbies, Meter meter) : Hub, IPartyTelemetry
{
    private static readonly ActivitySource Source = new("Lobby.Hub");
    private readonly Counter<long> _joins = meter.CreateCounter<long>("lobby.hub.joins");

    public ILogger Logger => logger;

    public async Task JoinLobby(string lobbyCode, string region)
    {
        var accountId = Context.UserIdentifier!;
        var player = pseudonymizer.PseudonymizeLobbyPlayerId(accountId);
        using var span = Source.StartLobbyJoin(player).SetLobbyRegion(region); // clean generated-api

        var lobby = await lobbies.FindAsync(lobbyCode);
        if (lobby is null)
        {
            span.SetLobbyDetail("lobby code not found"); // clean generated-api
            logger.LogInformation("Unknown lobby code {LobbyCode} from {Connection}", lobbyCode, Context.ConnectionId); // clean precision-names
            throw new HubException("No such lobby");
        }

        if (lobby.Banned.Contains(accountId))
        {
            span.AddLobbyJoinRejectedEvent("banned " + accountId); // leak TC1001 generated-api
            logger.LogWarning("Banned player {Player} tried lobby {Lobby}", player, lobby.MatchId); // clean precision-pseudonym
            throw new HubException($"Player {accountId} is banned from this lobby"); // leak TC1001 exceptions
        }

        span.SetLobbyMatchId(lobby.MatchId).SetLobbyPartySize(lobby.Members.Count + 1);
        span.Activity?.SetTag("lobby.party.members", string.Join(",", lobby.Members.Select(m => m.Gamertag))); // leak TC1001 strings
        span.Activity?.SetTag("lobby.party.skills", string.Join(",", lobby.Members.Select(m => m.Skill))); // clean strings
        _joins.Add(1, new KeyValuePair<string, object?>("lobby.region", region), new KeyValuePair<string, object?>("lobby.player.id", player)); // leak TC1003 precision-pseudonym
        _joins.Add(1, new KeyValuePair<string, object?>("lobby.region", region), new KeyValuePair<string, object?>("lobby.party.full", lobby.Members.Count >= 3)); // clean precision-about
        Context.Items["player"] = player;

        ((IPartyTelemetry)this).ReportParty(lobby.Members.FirstOrDefault()?.AccountId ?? accountId, lobby.Members);
        await Clients.Group(lobby.MatchId).SendAsync("joined", new { player = player.Value });
    }

    public Task SendChat(string text)
    {
        var sender = Context.Items.TryGetValue("player", out var p) && p is Pseudonym pseudonym ? pseudonym : default;
        Activity.Current?.SetTag("lobby.chat.sender", sender.Value); // clean precision-pseudonym
        Activity.Current?.SetTag("lobby.chat.length", text.Length); // clean precision-about
        Activity.Current?.SetTag("lobby.chat.author", Context.User?.Identity?.Name); // leak TC1001 direct
        return Clients.Caller.SendAsync("sent", null);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        using (logger.BeginScope(new[] { new KeyValuePair<string, object>("ConnectionId", Context.ConnectionId) })) // clean logging-objects
        {
            logger.LogInformation("Player left the lobby hub");
        }

        using (logger.BeginScope(("Player", Context.UserIdentifier))) // leak TC1001 logging-objects
        {
            logger.LogInformation("Player disconnected");
        }

        return Task.CompletedTask;
    }
}

public sealed record Lobby(string MatchId, IReadOnlyList<PartyMember> Members, ISet<string> Banned);

public interface ILobbyDirectory
{
    ValueTask<Lobby?> FindAsync(string lobbyCode);
}

/// <summary>The matchmaker reports the skill spread of each lobby it fills.</summary>
public sealed class MatchmakerReport(ILogger<MatchmakerReport> logger) : IPartyTelemetry
{
    public ILogger Logger => logger;

    public void ReportParty(string leaderAccountId, IReadOnlyList<PartyMember> members)
    {
        var spread = members.Count == 0 ? 0 : members.Max(m => m.Skill) - members.Min(m => m.Skill);
        logger.LogInformation("Party skill spread {Spread} over {Size} players", spread, members.Count); // clean precision-about
        logger.LogInformation("Party members: {Members}", members.Select(m => m.Gamertag)); // leak TC1001 logging-objects
        logger.LogDebug("Party roster {@Roster}", members.ToDictionary(m => m.Gamertag, m => m.Skill)); // leak TC1001 logging-objects
    }
}
