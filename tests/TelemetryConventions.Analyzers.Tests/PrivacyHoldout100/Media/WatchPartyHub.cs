namespace PrivacyHoldout100.Media;

/// <summary>A watch party: its host, the title and the invited subscribers.</summary>
public sealed record WatchParty(string PartyId, Guid HostSubscriberId, string TitleId, IReadOnlyList<Guid> Invited);

/// <summary>
/// Watch parties: subscribers join a party's group, playback is kept in sync, members chat and react, and
/// the party shows who is watching. Connections map to the subscriber's id; profiles are named by the household.
/// </summary>
public sealed class WatchPartyHub(ILogger<WatchPartyHub> logger, Pseudonymizer pseudonymizer, Func<string, WatchParty> parties, MessageRateLimiter limiter) : Hub
{
    private static readonly ActivitySource Source = new("Stream.WatchParty");
    private static readonly Meter Meter = new("Stream.WatchParty");
    private static readonly WatchliveMessagesCounter Messages = Meter.CreateWatchliveMessagesCounter();
    private static readonly Counter<long> Reactions = Meter.CreateCounter<long>("watchparty.reactions");

    public async Task Join(string partyId, string profileName)
    {
        var party = parties(partyId);
        var subscriber = Guid.Parse(Context.UserIdentifier!);
        await Groups.AddToGroupAsync(Context.ConnectionId, $"party-{partyId}");
        using var span = Source.StartWatchliveHubInvoke("/hubs/watchparty", nameof(Join))
            .SetWatchliveRoom(partyId) // clean generated-api
            .SetWatchliveRecipients(party.Invited.Count) // clean generated-api
            .SetWatchliveSubscriberId(pseudonymizer.PseudonymizeWatchliveSubscriberId(subscriber.ToString())); // clean precision-pseudonym
        span.SetWatchliveNote($"{profileName} joined {party.TitleId}"); // leak TC1001 generated-api
        span.Activity?.SetTag("watchparty.title", party.TitleId); // clean precision-names
        span.Activity?.SetTag("watchparty.host", party.HostSubscriberId); // leak TC1001 cross-member
        span.Activity?.SetTag("watchparty.is_host", party.HostSubscriberId == subscriber); // clean precision-about
        logger.LogInformation("Party {Party}", party); // leak TC1001 logging-objects
        logger.LogInformation("Party {PartyId} of title {Title} has {Invited} invited", party.PartyId, party.TitleId, party.Invited.Count); // clean precision-about
        await Clients.OthersInGroup($"party-{partyId}").SendAsync("memberJoined", profileName);
    }

    public async Task SyncPlayback(string partyId, double positionSeconds, bool paused)
    {
        await Clients.OthersInGroup($"party-{partyId}").SendAsync("sync", positionSeconds, paused);
        Messages.Add(1, "/hubs/watchparty", nameof(SyncPlayback), paused ? "paused" : "playing"); // clean generated-api
        Activity.Current?.SetTag("watchparty.position_s", positionSeconds); // clean precision-about
    }

    public async Task Chat(string partyId, string body)
    {
        var subscriber = Context.UserIdentifier!;
        try
        {
            limiter.Acquire($"party:{partyId}");
        }
        catch (RateLimitExceededException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Party chat throttled"); // clean exceptions
            return;
        }
        await Clients.Group($"party-{partyId}").SendAsync("chat", new ChatMessage(partyId, subscriber, body, DateTimeOffset.UtcNow));
        logger.LogDebug("Chat from {Subscriber} in {Party}", pseudonymizer.ComputeWatchliveSubscriberId(subscriber), partyId); // clean precision-pseudonym
        Activity.Current?.SetBaggage("watchparty.subscriber", subscriber); // leak TC1001 direct
        Activity.Current?.SetTag("watchparty.chat.body", body); // leak TC1001 strings
    }

    public Task React(string partyId, string emoji)
    {
        Reactions.Add(1, new KeyValuePair<string, object?>("emoji", emoji), new KeyValuePair<string, object?>("party", partyId)); // clean precision-about
        Reactions.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeWatchliveSubscriberId(Context.UserIdentifier!))); // leak TC1003 precision-pseudonym
        return Clients.OthersInGroup($"party-{partyId}").SendAsync("reaction", emoji);
    }
}
