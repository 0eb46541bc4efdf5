namespace PrivacyHoldout100.Media;

/// <summary>A support conversation between a subscriber and an agent.</summary>
public sealed record SupportConversation(string ConversationId, Guid SubscriberId, string SubscriberEmail, string? AgentStaffId, string Topic);

/// <summary>Thrown when a subscriber already has an open conversation; quotes their email.</summary>
public sealed class ConversationAlreadyOpenException(string email, string conversationId)
    : Exception($"{email} already has conversation {conversationId} open.");

/// <summary>
/// Live support chat: a subscriber opens a conversation from the app, the next free agent picks it up, both
/// see the other typing. Agents connect from the console with their staff id; reconnects are logged.
/// </summary>
public sealed partial class SupportChatHub(ILogger<SupportChatHub> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : Hub
{
    private static readonly ActivitySource Source = new("Stream.SupportChat");
    private static readonly Meter Meter = new("Stream.SupportChat");
    private static readonly Counter<long> Opened = Meter.CreateCounter<long>("supportchat.opened");
    private static readonly Counter<long> Picked = Meter.CreateCounter<long>("supportchat.picked");
    private static readonly ConcurrentDictionary<Guid, string> OpenBySubscriber = new();

    public async Task Open(SupportConversation conversation)
    {
        using var span = Source.StartWatchliveHubInvoke("/hubs/support", nameof(Open))
            .SetWatchliveRoom(conversation.ConversationId) // clean generated-api
            .SetWatchliveSubscriberId(pseudonymizer.PseudonymizeWatchliveSubscriberId(conversation.SubscriberId.ToString())); // clean precision-pseudonym
        try
        {
            if (!OpenBySubscriber.TryAdd(conversation.SubscriberId, conversation.ConversationId))
            {
                throw new ConversationAlreadyOpenException(conversation.SubscriberEmail, OpenBySubscriber[conversation.SubscriberId]);
            }
            await Groups.AddToGroupAsync(Context.ConnectionId, $"conversation-{conversation.ConversationId}");
            Opened.Add(1, new KeyValuePair<string, object?>("topic", conversation.Topic)); // clean precision-about
            span.Activity?.SetTag(WatchliveAttributes.SubscriberContact, conversation.SubscriberEmail); // leak TC1001 generated-api
            LogOpened(logger, conversation); // leak TC1001 logging-objects
        }
        catch (ConversationAlreadyOpenException ex)
        {
            logger.LogWarning(ex, "Conversation not opened"); // leak TC1001 exceptions
            span.SetWatchliveOutcome("duplicate"); // clean generated-api
        }
    }

    public async Task Pick(string conversationId)
    {
        var agent = Context.UserIdentifier!;
        var agentName = Context.User?.Identity?.Name;
        await Groups.AddToGroupAsync(Context.ConnectionId, $"conversation-{conversationId}");
        Picked.Add(1, new KeyValuePair<string, object?>("team", Context.User?.FindFirst("team")?.Value)); // clean precision-about
        Picked.Add(1, new KeyValuePair<string, object?>("agent", agent)); // leak TC1003 direct
        Activity.Current?.SetTag("supportchat.agent.name", agentName); // leak TC1001 direct
        Activity.Current?.SetTag("supportchat.agent", pseudonymizer.ComputeWatchliveAgentId(agent)); // clean precision-pseudonym
        Activity.Current?.SetTag("supportchat.agent.ref", agent.GetHashCode().ToString("x8")); // leak TC1002 hashes
        await Clients.Group($"conversation-{conversationId}").SendAsync("agentJoined", agentName);
    }

    public async Task Typing(string conversationId, bool isTyping)
    {
        await Clients.OthersInGroup($"conversation-{conversationId}").SendAsync("typing", isTyping);
        Activity.Current?.SetTag("supportchat.typing", isTyping); // clean precision-about
        Activity.Current?.SetTag("supportchat.conversation", conversationId); // clean precision-names
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        var user = Context.UserIdentifier;
        logger.LogInformation("Support connection {ConnectionId} closed for {User}", Context.ConnectionId, user); // leak TC1001 direct
        logger.LogInformation("Support connection {ConnectionId} closed, error: {Error}", Context.ConnectionId, exception?.GetType().Name); // clean precision-names
        Activity.Current?.SetTag("supportchat.user.shard", Shards.Of(secrets.ShardKey, user ?? string.Empty, 16)); // clean hashes
        return base.OnDisconnectedAsync(exception);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Support conversation opened: {Conversation}")]
    private static partial void LogOpened(ILogger logger, SupportConversation conversation);
}
