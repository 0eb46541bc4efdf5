namespace PrivacyHoldout100.Gaming;

/// <summary>A friend's presence as the friends list shows it.</summary>
public sealed record FriendPresence(Guid PlayerId, string Gamertag, string Status, string? MatchId);

/// <summary>
/// The game's lobby hub: players come online, their friends see their presence, parties chat and show who
/// is typing, and the matchmaker moves a party into a match's group. Connections map to the player's id.
/// </summary>
public sealed class LobbyHub(ILogger<LobbyHub> logger, Pseudonymizer pseudonymizer, PresenceTracker presence, Func<Guid, IReadOnlyList<Guid>> friendsOf, TelemetrySecrets secrets) : Hub
{
    private static readonly ActivitySource Source = new("Game.Lobby");
    private static readonly Meter Meter = new("Game.Lobby");
    private static readonly LobbyliveMessagesCounter Messages = Meter.CreateLobbyliveMessagesCounter();
    private static readonly ObservableGauge<int> Online;
    private static PresenceTracker? _tracker;

    static LobbyHub() => Online = Meter.CreateObservableGauge("lobby.players.online", () => _tracker?.OnlineCount ?? 0);

    private Guid PlayerId => Guid.Parse(Context.UserIdentifier!);

    public override async Task OnConnectedAsync()
    {
        _tracker = presence;
        var gamertag = Context.User?.FindFirst("gamertag")?.Value ?? "unknown";
        var cameOnline = presence.UserConnected(PlayerId.ToString(), Context.ConnectionId);
        var friends = friendsOf(PlayerId);
        if (cameOnline)
        {
            await Clients.Users(friends.Select(f => f.ToString()).ToList()).SendAsync("friendOnline", new FriendPresence(PlayerId, gamertag, "online", null));
        }
        using var span = Source.StartLobbyliveConnection("/hubs/lobby")
            .SetLobbyliveConnectionId(Context.ConnectionId) // clean generated-api
            .SetLobbylivePlayerId(pseudonymizer.PseudonymizeLobbylivePlayerId(PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("lobby.friends.notified", friends.Count); // clean precision-about
        span.Activity?.SetTag("lobby.gamertag", gamertag); // leak TC1001 direct
        logger.LogInformation("Player {PlayerId} online, notified friends {Friends}", PlayerId, friends); // leak TC1001 cross-member
        await Groups.AddToGroupAsync(Context.ConnectionId, $"friends-of-{PlayerId}");
    }

    public async Task SetStatus(string status, string? matchId)
    {
        var gamertag = Context.User?.FindFirst("gamertag")?.Value ?? "unknown";
        var update = new FriendPresence(PlayerId, gamertag, status, matchId);
        await Clients.Group($"friends-of-{PlayerId}").SendAsync("presence", update);
        logger.LogDebug("Presence update {Presence}", update); // leak TC1001 logging-objects
        Activity.Current?.SetTag("lobby.presence.status", status); // clean precision-about
        Activity.Current?.SetTag("lobby.presence.match", matchId); // clean precision-names
        Activity.Current?.SetTag("lobby.group", $"friends-of-{PlayerId}"); // leak TC1001 strings
        Messages.Add(1, "/hubs/lobby", nameof(SetStatus), status); // clean generated-api
    }

    public async Task PartyChat(string partyId, string body)
    {
        await Clients.OthersInGroup($"party-{partyId}").SendAsync("partyChat", new ChatMessage(partyId, PlayerId.ToString(), body, DateTimeOffset.UtcNow));
        var mentions = body.Split(' ').Where(w => w.StartsWith('@')).ToList();
        Activity.Current?.SetTag("lobby.chat.mentions", mentions.Count); // clean precision-about
        Activity.Current?.SetTag("lobby.chat.mentioned", string.Join(",", mentions)); // leak TC1001 strings
        Activity.Current?.SetTag("lobby.party", partyId); // clean precision-names
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        logger.LogDebug("Party chat fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes
        logger.LogDebug("Party chat shard {Shard}", Shards.Of(secrets.ShardKey, body, 8)); // clean hashes
    }

    public async Task Typing(TypingIndicator indicator)
    {
        await Clients.OthersInGroup($"party-{indicator.ConversationId}").SendAsync("typing", indicator);
        logger.LogTrace("Typing {Typing}", indicator); // leak TC1001 logging-objects
        logger.LogTrace("Typing in party {Party}: {IsTyping}", indicator.ConversationId, indicator.IsTyping); // clean precision-about
    }

    public async Task EnterMatch(string matchId, IReadOnlyList<Guid> party)
    {
        foreach (var member in party)
        {
            foreach (var connection in presence.ConnectionsOf(member.ToString()))
            {
                await Groups.AddToGroupAsync(connection, $"match-{matchId}");
            }
        }
        using var span = Source.StartLobbyliveHubInvoke("/hubs/lobby", nameof(EnterMatch))
            .SetLobbyliveMatch(matchId) // clean generated-api
            .SetLobbyliveGroup($"match-{matchId}") // clean generated-api
            .SetLobbyliveRecipients(party.Count); // clean generated-api
        span.SetLobbyliveNote($"party: {string.Join(",", party.Select(p => pseudonymizer.ComputeLobbylivePlayerId(p.ToString())))}"); // clean precision-pseudonym
        span.Activity?.SetTag("lobby.party.members", party.Select(p => p.ToString()).ToArray()); // leak TC1001 direct
        span.Activity?.SetTag(LobbyliveAttributes.PlayerContact, pseudonymizer.ComputeLobbylivePlayerId(PlayerId.ToString())); // leak TC1001 precision-pseudonym
    }
}
