namespace PrivacyHoldout83.Gaming;

public sealed record PlayerContext(Guid PlayerId, string Gamertag, string Platform, string Region, int AccountLevel, bool HasOpenBan);

/// <summary>
/// The in-game support bot answers the common questions (missing purchases, lag, bans) and hands the
/// chat to a human when the player asks for one or the bot loops. The agent gets the transcript so
/// far, the bot's summary and the player's context.
/// </summary>
public sealed partial class SupportBotHandoff(
    IChatPlatform chat,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SupportBotHandoff> logger)
{
    private readonly Counter<long> _handoffs = meter.CreateCounter<long>("playerhelp.bot.handoffs", "{handoff}");
    private readonly Dictionary<string, PlayerContext> _contexts = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot handed {ConversationId} to {Queue} after {Turns} turns ({Intent})")]
    private partial void LogHandoff(string conversationId, string queue, int turns, string intent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Player context for {ConversationId}: {Context}")]
    private partial void LogContext(string conversationId, PlayerContext context);

    public void Remember(string conversationId, PlayerContext context) => _contexts[conversationId] = context;

    public async Task HandOffAsync(HandoffRequest handoff, CancellationToken cancellationToken)
    {
        var player = _contexts[handoff.ConversationId];
        using var span = source.StartPlayerhelpChat(handoff.ConversationId); // clean precision-about
        span.SetPlayerhelpRequesterId(pseudonymizer.PseudonymizePlayerhelpRequesterId(player.PlayerId.ToString())).SetPlayerhelpQueue(handoff.Queue); // clean precision-pseudonym
        LogHandoff(handoff.ConversationId, handoff.Queue, handoff.Transcript.Count, handoff.Intent); // clean precision-about
        LogContext(handoff.ConversationId, player); // leak TC1001 logging-objects
        _handoffs.Add(1, new KeyValuePair<string, object?>("intent", handoff.Intent), new KeyValuePair<string, object?>("platform", player.Platform)); // clean precision-about
        _handoffs.Add(0, new KeyValuePair<string, object?>("gamertag", player.Gamertag)); // leak TC1003 cross-member

        Activity.Current?.SetTag("playerhelp.player.level", player.AccountLevel); // clean precision-about
        Activity.Current?.SetTag("playerhelp.player.open_ban", player.HasOpenBan); // clean precision-about
        Activity.Current?.SetTag("playerhelp.bot.confidence", handoff.Confidence);
        Activity.Current!.DisplayName = $"handoff {handoff.Intent} for {player.Gamertag}"; // leak TC1001 strings

        var transcript = Transcript.Render(handoff.Transcript);
        span.SetPlayerhelpNote(transcript); // leak TC1001 generated-api
        span.SetPlayerhelpNote($"{handoff.BotName} gave up on {handoff.Intent} after {handoff.Transcript.Count} turns"); // clean generated-api

        foreach (var line in handoff.Transcript.Where(m => m.SenderRole == "visitor").TakeLast(3))
        {
            Activity.Current?.AddEvent(new ActivityEvent("playerhelp.transcript.line", tags: new ActivityTagsCollection { ["sender"] = line.Sender, ["at"] = line.SentAt })); // leak TC1001 direct
        }

        try
        {
            await chat.SendAsync(handoff.ConversationId, $"Hey {player.Gamertag}, connecting you to a human now!", cancellationToken);
        }
        catch (MessageRejectedException ex)
        {
            logger.LogWarning(ex, "Handoff greeting rejected in {ConversationId}", ex.ConversationId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, nameof(MessageRejectedException)); // clean exceptions
        }
    }

    public void OnAgentAccepted(string conversationId, AgentRef agent)
    {
        logger.LogInformation("Agent of team {Team} accepted {ConversationId}", agent.Team, conversationId);
        logger.LogInformation("Agent {Agent} accepted {ConversationId}", agent, conversationId); // leak TC1001 logging-objects
        Activity.Current?.SetTag("playerhelp.agent.team", agent.Team); // clean precision-about
        var playerCount = _contexts.Count;
        Activity.Current?.SetTag("playerhelp.player_count", playerCount); // clean precision-names
        Activity.Current?.SetTag("playerhelp.agent", agent.Email); // leak TC1001 direct
        if (_contexts.TryGetValue(conversationId, out var player))
        {
            Activity.Current?.SetBaggage("playerhelp.region", player.Region); // clean precision-about
            Activity.Current?.SetBaggage("playerhelp.player", player.PlayerId.ToString()); // leak TC1001 cross-member
        }
    }
}
