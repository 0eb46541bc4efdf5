namespace PrivacyHoldout85.Gaming;

public sealed record LobbyUpdate(Guid LobbyId, string Playlist, int Players, int Capacity);

public sealed record PartyInvite(Guid PartyId, Guid FromPlayerId, string FromGamertag, Guid ToPlayerId);

[SubscriptionType]
public sealed class LobbySubscriptions(ILogger<LobbySubscriptions> logger, Meter meter, TelemetrySecrets secrets, Pseudonymizer pseudonymizer)
{
    private readonly UpDownCounter<long> _open = meter.CreateUpDownCounter<long>("play.subscriptions.open");

    [Topic("Lobby_{lobbyId}")]
    public async ValueTask<ISourceStream<LobbyUpdate>> OnLobbyUpdatedAsync(Guid lobbyId, ITopicEventReceiver receiver, IResolverContext context)
    {
        var topic = $"Lobby_{lobbyId:N}";
        Activity.Current.EnrichPlaygqlOperation(context.Operation.Name).SetPlaygqlTopic(topic); // clean precision-about
        _open.Add(1, new KeyValuePair<string, object?>("topic.kind", "lobby")); // clean precision-about
        return await receiver.SubscribeAsync<LobbyUpdate>(topic, context.RequestAborted);
    }

    public async ValueTask<ISourceStream<PartyInvite>> OnInviteAsync(ITopicEventReceiver receiver, IResolverContext context)
    {
        var playerId = context.User.SubjectId!;
        var topic = "Invites_" + playerId;
        var span = Activity.Current.EnrichPlaygqlOperation(context.Operation.Name).SetPlaygqlPlayerId(pseudonymizer.PseudonymizePlaygqlPlayerId(playerId)); // clean precision-pseudonym
        span.SetPlaygqlTopic(topic); // leak TC1001 generated-api
        Activity.Current?.SetTag("play.topic.partition", KeyedShards.Of(secrets.ShardKey, playerId, 32)); // clean hashes
        Activity.Current?.SetTag("play.topic.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(playerId)))[..16]); // leak TC1002 hashes
        _open.Add(1, new KeyValuePair<string, object?>("topic", topic)); // leak TC1003 strings
        logger.LogDebug("Invite stream opened on partition {Partition}", Math.Abs(playerId.GetHashCode()) % 32); // leak TC1002 hashes
        return await receiver.SubscribeAsync<PartyInvite>(topic, context.RequestAborted);
    }

    [Subscribe]
    public PartyInvite OnInviteDelivered([EventMessage] PartyInvite invite)
    {
        logger.LogDebug("Delivering invite for party {PartyId}", invite.PartyId); // clean precision-about
        logger.LogDebug("Delivering {Invite}", invite); // leak TC1001 logging-objects
        return invite;
    }
}

public sealed class LobbySocketInterceptor(ILogger<LobbySocketInterceptor> logger) : DefaultSocketSessionInterceptor
{
    private readonly ConcurrentDictionary<string, string> _gamertagsByConnection = new();

    public override ValueTask<ConnectionStatus> OnConnectAsync(ISocketSession session, CancellationToken cancellationToken)
    {
        var gamertag = session.User.Name ?? "unknown";
        _gamertagsByConnection[session.ConnectionId] = gamertag;
        Activity.Current?.SetTag("play.socket.connection", session.ConnectionId); // clean precision-about
        return ValueTask.FromResult(ConnectionStatus.Accept());
    }

    public override ValueTask OnCloseAsync(ISocketSession session, CancellationToken cancellationToken)
    {
        if (_gamertagsByConnection.TryRemove(session.ConnectionId, out var gamertag))
        {
            logger.LogInformation("Socket {ConnectionId} of {Gamertag} closed", session.ConnectionId, gamertag); // leak TC1001 cross-member
        }

        logger.LogDebug("Open sockets: {Count}", _gamertagsByConnection.Count); // clean precision-about
        return ValueTask.CompletedTask;
    }
}
