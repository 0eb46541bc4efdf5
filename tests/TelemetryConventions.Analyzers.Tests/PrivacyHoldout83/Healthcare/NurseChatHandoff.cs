namespace PrivacyHoldout83.Healthcare;

/// <summary>
/// The helpline's symptom-checker bot hands a chat to a triage nurse when it is not confident or a
/// red-flag symptom is mentioned. The nurse gets the conversation so far and the bot's summary.
/// </summary>
public sealed partial class NurseChatHandoff(
    IChatPlatform chat,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<NurseChatHandoff> logger)
{
    private static readonly string[] RedFlags = ["chest pain", "can't breathe", "overdose"];

    private readonly Meter _meter = new("Helpline.Chat");
    private HandoffRequest? _lastHandoff;

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff of {ConversationId} to {Queue}: intent {Intent}, confidence {Confidence:F2}")]
    private partial void LogHandoff(string conversationId, string queue, string intent, double confidence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Red flag in {ConversationId}: {Utterance}")]
    private partial void LogRedFlag(string conversationId, string utterance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Red flag in {ConversationId}: {Utterance}")]
    private partial void LogRedFlagRedacted(string conversationId, [PrivateData] string utterance);

    public async Task HandOffAsync(HandoffRequest handoff, string hospitalNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartCarehelpChat(handoff.ConversationId); // clean precision-about
        span.SetCarehelpRequesterId(pseudonymizer.PseudonymizeCarehelpRequesterId(hospitalNumber)).SetCarehelpQueue(handoff.Queue); // clean precision-pseudonym
        LogHandoff(handoff.ConversationId, handoff.Queue, handoff.Intent, handoff.Confidence); // clean precision-about
        logger.LogInformation("Handoff requested {Handoff}", handoff); // leak TC1001 logging-objects

        var lastVisitorLine = handoff.Transcript.LastOrDefault(m => m.SenderRole == "visitor");
        if (lastVisitorLine is not null && RedFlags.Any(f => lastVisitorLine.Text.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            LogRedFlag(handoff.ConversationId, lastVisitorLine.Text); // leak TC1001 direct
            LogRedFlagRedacted(handoff.ConversationId, lastVisitorLine.Text); // clean logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("carehelp.red_flag", tags: new ActivityTagsCollection { ["turns"] = handoff.Transcript.Count }));
        }

        span.SetCarehelpNote(handoff.Summary); // leak TC1001 generated-api
        Activity.Current?.SetTag("carehelp.transcript.turns", handoff.Transcript.Count); // clean precision-about

        _lastHandoff = handoff;
        try
        {
            await chat.TransferAsync(handoff.ConversationId, handoff.Queue, cancellationToken);
            span.SetCarehelpOutcome("handoff");
        }
        catch (ChatTransferException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Transfer failed; transcript was {Transcript}", Transcript.Render(handoff.Transcript)); // leak TC1001 strings
        }
    }

    public void OnNurseJoined(string conversationId, string nurseEmail, TimeSpan waited)
    {
        _meter.CreateHistogram<double>("carehelp.handoff.wait", "s").Record(waited.TotalSeconds, new KeyValuePair<string, object?>("queue", _lastHandoff?.Queue)); // clean precision-about
        logger.LogInformation("Nurse {Nurse} joined {ConversationId} after {Waited}", nurseEmail, conversationId, waited); // leak TC1001 direct
        Activity.Current?.SetBaggage("carehelp.bot", _lastHandoff?.BotName); // clean precision-about
        if (_lastHandoff is { } previous && previous.ConversationId == conversationId)
        {
            Activity.Current?.AddEvent(new ActivityEvent("carehelp.handoff.summary", tags: new ActivityTagsCollection { ["summary"] = previous.Summary })); // leak TC1001 cross-member
        }
    }

    public async Task SendHoldingMessageAsync(ChatSession session, CancellationToken cancellationToken)
    {
        var text = $"Thanks {session.VisitorName}, a nurse will be with you shortly.";
        await chat.SendAsync(session.ConversationId, text, cancellationToken);
        logger.LogDebug("Sent holding message to {ConversationId}: {Text}", session.ConversationId, text); // leak TC1001 strings
        logger.LogDebug("Holding message sent to {ConversationId} ({Length} characters)", session.ConversationId, text.Length); // clean precision-about
    }
}
