namespace PrivacyHoldout100.Retail;

/// <summary>A customer's support chat session, with the order it is about.</summary>
public sealed record ChatSession(string SessionId, string CustomerNumber, string CustomerEmail, string? OrderId, string Channel);

/// <summary>A queue snapshot shown on the associates' dashboard.</summary>
public sealed record QueueSnapshot(string StoreId, int Waiting, int Agents, TimeSpan LongestWait);

/// <summary>
/// The web shop's live support chat: customers chat from the order page, associates pick up from the queue
/// and see who is typing; the queue dashboard is pushed to the associates every few seconds.
/// </summary>
public sealed class LiveSupportChatHub(ILogger<LiveSupportChatHub> logger, Pseudonymizer pseudonymizer) : Hub
{
    private static readonly ActivitySource Source = new("Shop.SupportChat");
    private static readonly Meter Meter = new("Shop.SupportChat");
    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>("supportchat.wait", "s");

    public async Task Start(ChatSession session)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"chat-{session.SessionId}");
        using var span = Source.StartStoreliveHubInvoke("/hubs/shopchat", nameof(Start))
            .SetStoreliveCustomerId(pseudonymizer.PseudonymizeStoreliveCustomerId(session.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("shopchat.session", session.SessionId); // clean precision-names
        span.Activity?.SetTag("shopchat.order", session.OrderId); // clean precision-names
        span.Activity?.SetTag("shopchat.channel", session.Channel); // clean precision-about
        span.Activity?.SetTag("shopchat.customer.email", session.CustomerEmail); // leak TC1001 direct
        logger.LogInformation("Chat started {Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Chat {Session} started about order {Order} on {Channel}", session.SessionId, session.OrderId, session.Channel); // clean cross-member
    }

    public async Task Send(string sessionId, string text)
    {
        await Clients.OthersInGroup($"chat-{sessionId}").SendAsync("message", text);
        var preview = text.Length > 40 ? text[..40] : text;
        logger.LogDebug("Message in {Session}: {Preview}", sessionId, preview); // leak TC1001 strings
        logger.LogDebug("Message in {Session} of {Words} words", sessionId, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean strings
    }

    public async Task PushQueue(QueueSnapshot snapshot)
    {
        await Clients.Group($"associates-{snapshot.StoreId}").SendAsync("queue", snapshot);
        logger.LogDebug("Queue {Snapshot}", snapshot); // clean logging-objects
        Wait.Record(snapshot.LongestWait.TotalSeconds, new KeyValuePair<string, object?>("store", snapshot.StoreId)); // clean precision-about
        Activity.Current?.SetTag("shopchat.queue", $"{snapshot.StoreId}: {snapshot.Waiting} waiting, {snapshot.Agents} agents"); // clean strings
    }

    public Task Typing(string sessionId, bool isTyping)
    {
        var who = Context.User?.FindFirst(ClaimTypes.GivenName)?.Value;
        Activity.Current?.SetTag("shopchat.typing.name", who); // leak TC1001 direct
        Activity.Current?.SetTag("shopchat.typing.role", Context.User?.IsInRole("associate") == true ? "associate" : "customer"); // clean precision-about
        return Clients.OthersInGroup($"chat-{sessionId}").SendAsync("typing", isTyping);
    }
}
