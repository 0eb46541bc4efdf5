namespace PrivacyHoldout83.Media;

/// <summary>
/// Account support chat of the streaming service: sign-in problems, password resets, devices and
/// co-browsing of the account page. The session comes from the chat platform; the subscriber is
/// identified by the email they signed in with.
/// </summary>
public sealed partial class AccountChatSupport(
    IChatPlatform chat,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AccountChatSupport> logger)
{
    private readonly Histogram<double> _waitTime = meter.CreateHistogram<double>("viewerhelp.chat.wait", "s");
    private readonly ConcurrentDictionary<string, string> _subscriberByConversation = new();
    private const string ResetEmailTemplateId = "tpl-reset-v3";
    private string? _lastCobrowseUrl;

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ConversationId} started on {Channel} in {Queue}")]
    private partial void LogStarted(string conversationId, string channel, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ConversationId} is with subscriber {SubscriberEmail}")]
    private partial void LogSubscriber(string conversationId, string subscriberEmail);

    public async Task OnChatStartedAsync(string conversationId, Guid subscriberId, CancellationToken cancellationToken)
    {
        var session = await chat.GetSessionAsync(conversationId, cancellationToken);
        _subscriberByConversation[conversationId] = subscriberId.ToString();
        using var span = source.StartViewerhelpChat(conversationId); // clean precision-about
        span.SetViewerhelpRequesterId(pseudonymizer.PseudonymizeViewerhelpRequesterId(subscriberId.ToString())).SetViewerhelpQueue(session.Queue); // clean precision-pseudonym
        LogStarted(session.ConversationId, session.Channel, session.Queue);
        _waitTime.Record((DateTimeOffset.UtcNow - session.StartedAt).TotalSeconds, new KeyValuePair<string, object?>("queue", session.Queue), new KeyValuePair<string, object?>("channel", session.Channel)); // clean precision-about

        if (session.VisitorEmail is { } email)
        {
            LogSubscriber(conversationId, email); // leak TC1001 direct
            Activity.Current?.SetTag("viewerhelp.visitor.email_domain", Masking.Domain(email)); // clean precision-about
            Activity.Current?.SetTag("viewerhelp.visitor.email_masked", Masking.Email(email)); // clean precision-about
        }

        Activity.Current?.SetTag("viewerhelp.visitor", session.VisitorId); // leak TC1001 direct
        Activity.Current?.SetTag("viewerhelp.session", session); // clean logging-objects
        Activity.Current?.SetTag("viewerhelp.visitor.name_known", session.VisitorName is not null); // clean precision-about
        logger.LogDebug("Chat opened from {Page} at {Ip}", session.PageUrl, session.VisitorIp); // leak TC1001 direct
        logger.LogDebug("Opening message: {Text}", session.Messages.FirstOrDefault()?.Text); // leak TC1001 direct
        logger.LogDebug("Chat has {Messages} messages so far", session.Messages.Count); // clean precision-about
    }

    public void OnCobrowseStarted(CobrowseSession cobrowse)
    {
        Activity.Current?.SetTag("viewerhelp.cobrowse.session", cobrowse.SessionId); // clean precision-about
        Activity.Current?.SetTag("viewerhelp.cobrowse.agent", cobrowse.AgentEmail); // leak TC1001 direct
        _lastCobrowseUrl = cobrowse.PageUrl;
        logger.LogInformation("Co-browse {SessionId} for {ConversationId}", cobrowse.SessionId, cobrowse.ConversationId);
    }

    public void OnCobrowseEnded(string sessionId, TimeSpan duration)
    {
        // The account page's URL carries the profile being edited: /account/profiles/{profileId}?email=…
        logger.LogInformation("Co-browse {SessionId} ended after {Duration} on {Url}", sessionId, duration, _lastCobrowseUrl); // leak TC1001 cross-member
        logger.LogInformation("Co-browse {SessionId} ended after {Duration}", sessionId, duration); // clean precision-about
    }

    public async Task ResetPasswordAsync(string conversationId, string email, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity($"password reset for {email}"); // leak TC1001 strings
        activity?.SetTag("viewerhelp.conversation", conversationId); // clean precision-about
        activity?.SetTag("viewerhelp.reset.email_template_id", ResetEmailTemplateId); // clean precision-names
        activity?.SetTag(ViewerhelpAttributes.RequesterEmail, email); // leak TC1001 generated-api
        await chat.SendAsync(conversationId, $"We've sent a reset link to {Masking.Email(email)}.", cancellationToken);
        activity?.AddEvent(new ActivityEvent("viewerhelp.reset.sent", tags: new ActivityTagsCollection { ["to"] = Masking.Email(email) })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("viewerhelp.reset.sent", tags: new ActivityTagsCollection { ["to"] = email })); // leak TC1001 direct
        if (_subscriberByConversation.TryGetValue(conversationId, out var subscriber))
        {
            activity?.SetTag("viewerhelp.subscriber", subscriber); // leak TC1001 cross-member
            activity?.SetTag("viewerhelp.subscriber.pseudonym", pseudonymizer.ComputeViewerhelpRequesterId(subscriber)); // clean precision-pseudonym
        }
    }
}
