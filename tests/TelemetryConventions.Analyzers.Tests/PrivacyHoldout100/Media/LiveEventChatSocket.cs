namespace PrivacyHoldout100.Media;

/// <summary>A live event's chat settings, as the moderators set them.</summary>
public sealed record EventChatSettings(string EventId, bool SlowMode, int MaxMessageLength, IReadOnlyList<string> BlockedTerms);

/// <summary>A viewer's connection to the live event's chat, kept by the socket handler.</summary>
public sealed record ViewerSession(string SessionId, Guid SubscriberId, string ProfileName, string EventId, string Country);

/// <summary>
/// The live event chat: viewers of a live stream hold a WebSocket to the chat edge; the edge fans messages
/// out, enforces slow mode and reconnects viewers to another node when one drains.
/// </summary>
public sealed class LiveEventChatSocket(ILogger<LiveEventChatSocket> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Stream.EventChat");
    private static readonly Meter Meter = new("Stream.EventChat");
    private static readonly Counter<long> Viewers = Meter.CreateCounter<long>("eventchat.viewers");
    private static readonly Counter<long> Blocked = Meter.CreateCounter<long>("eventchat.blocked");

    public void Opened(ViewerSession session, EventChatSettings settings)
    {
        using var span = Source.StartWatchliveConnection("/ws/eventchat")
            .SetWatchliveConnectionId(session.SessionId) // clean generated-api
            .SetWatchliveSubscriberId(pseudonymizer.PseudonymizeWatchliveSubscriberId(session.SubscriberId.ToString())); // clean precision-pseudonym
        Viewers.Add(1, new KeyValuePair<string, object?>("event", session.EventId), new KeyValuePair<string, object?>("country", session.Country)); // clean precision-about
        logger.LogInformation("Chat settings {Settings}", settings); // clean logging-objects
        logger.LogInformation("Viewer joined {Session}", session); // leak TC1001 logging-objects
        span.Activity?.SetTag("eventchat.profile", session.ProfileName); // leak TC1001 direct
    }

    public bool Screen(ViewerSession session, EventChatSettings settings, string body)
    {
        var hit = settings.BlockedTerms.FirstOrDefault(t => body.Contains(t, StringComparison.OrdinalIgnoreCase));
        if (hit is null)
        {
            return true;
        }
        Blocked.Add(1, new KeyValuePair<string, object?>("event", session.EventId), new KeyValuePair<string, object?>("term", hit)); // clean strings
        logger.LogInformation("Blocked a message in {Event} for term {Term}", session.EventId, hit); // clean cross-member
        logger.LogInformation("Blocked message from {Subscriber}: {Body}", session.SubscriberId, body); // leak TC1001 strings
        return false;
    }

    public void Drained(ViewerSession session, string fromNode, string toNode)
    {
        Activity.Current?.SetTag("eventchat.migration", $"{fromNode}->{toNode}"); // clean strings
        Activity.Current?.AddEvent(new ActivityEvent("viewer.migrated", tags: new ActivityTagsCollection { ["session"] = session.SessionId, ["subscriber"] = session.SubscriberId })); // leak TC1001 cross-member
    }
}
