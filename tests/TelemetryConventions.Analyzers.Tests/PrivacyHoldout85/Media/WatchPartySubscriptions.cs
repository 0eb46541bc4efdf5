namespace PrivacyHoldout85.Media;

public sealed record WatchPartyEvent(Guid PartyId, string Kind, TimeSpan Position, string? ChatText, Guid? FromProfileId);

public sealed record JoinPartyInput(Guid PartyId, Guid ProfileId, string DisplayName);

[SubscriptionType]
public sealed class WatchPartySubscriptions(ITopicEventSender sender, ILogger<WatchPartySubscriptions> logger, Pseudonymizer pseudonymizer)
{
    public static string PartyTopic(Guid partyId) => $"WatchParty_{partyId:N}";

    public async ValueTask<ISourceStream<WatchPartyEvent>> OnPartyEventAsync(Guid partyId, ITopicEventReceiver receiver, IResolverContext context)
    {
        Activity.Current?.SetTag("stream.party.topic", PartyTopic(partyId)); // clean precision-about
        return await receiver.SubscribeAsync<WatchPartyEvent>(PartyTopic(partyId), context.RequestAborted);
    }

    public async Task<bool> JoinPartyAsync(JoinPartyInput input, IResolverContext context)
    {
        Activity.Current.EnrichStreamgqlOperation(context.Operation.Name).SetStreamgqlSubscriberId(pseudonymizer.PseudonymizeStreamgqlSubscriberId(input.ProfileId.ToString())).SetStreamgqlTopic(PartyTopic(input.PartyId)); // clean precision-pseudonym
        logger.LogInformation("{DisplayName} joined party {PartyId}", input.DisplayName, input.PartyId); // leak TC1001 direct
        logger.LogDebug("Join input {Input}", input); // leak TC1001 logging-objects
        Activity.Current?.SetBaggage("stream.party", input.PartyId.ToString()); // clean precision-about
        await sender.SendAsync(PartyTopic(input.PartyId), new WatchPartyEvent(input.PartyId, "join", TimeSpan.Zero, null, input.ProfileId), context.RequestAborted);
        return true;
    }

    public async Task<bool> SendChatAsync(Guid partyId, Guid profileId, string text, IResolverContext context)
    {
        var message = new WatchPartyEvent(partyId, "chat", TimeSpan.Zero, text, profileId);
        logger.LogDebug("Chat event {Event}", message); // leak TC1001 logging-objects
        logger.LogDebug("Chat of {Length} characters in party {PartyId}", text.Length, partyId); // clean precision-about
        Activity.Current?.SetTag(StreamgqlAttributes.SubscriberContact, pseudonymizer.ComputeStreamgqlSubscriberId(profileId.ToString())); // leak TC1001 precision-pseudonym
        await sender.SendAsync(PartyTopic(partyId), message, context.RequestAborted);
        return true;
    }

    [Subscribe]
    public WatchPartyEvent OnPartyEvent([EventMessage] WatchPartyEvent message)
    {
        logger.LogTrace("Party {PartyId} event {Kind} at {Position}", message.PartyId, message.Kind, message.Position); // clean precision-about
        return message;
    }
}
