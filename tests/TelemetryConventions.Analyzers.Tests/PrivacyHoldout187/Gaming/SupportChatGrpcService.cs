namespace PrivacyHoldout187.Gaming;

/// <summary>The launcher's support chat over gRPC: a bot answers, a human agent takes over for bans and payments.</summary>
public sealed partial class SupportChatGrpcService(
    IConversationStore conversations,
    IIntentClassifier classifier,
    IRoutingClient routing,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SupportChatGrpcService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout187.Gaming.SupportChat");
    private static readonly string[] HumanIntents = ["ban.appeal", "payment.dispute", "account.recovery"];

    private readonly Counter<long> _chats = meter.CreateCounter<long>("guildsupport.chats");
    private readonly Histogram<double> _wait = meter.CreateHistogram<double>("guildsupport.handoff.wait", unit: "s");

    private SupportChatRequest? _lastRequest;

    public async Task<SupportChatReply> OpenChat(SupportChatRequest request, ServerCallContext context)
    {
        _lastRequest = request;
        var conversationId = Guid.NewGuid().ToString("N");
        using var span = Source.StartGuildsupportOperation("eu-west");
        span.SetGuildsupportCustomerId(pseudonymizer.PseudonymizeGuildsupportCustomerId(request.PlayerId)); // clean generated-api
        span.SetGuildsupportChannel(request.Platform); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("player.platform", request.Platform); // clean precision-names
        activity?.SetTag("player.gamertag_length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("client.ip_present", request.ClientIp is not null); // clean precision-about
        activity?.SetTag("client.ip", request.ClientIp); // leak TC1001 direct
        _chats.Add(1, new KeyValuePair<string, object?>("platform", request.Platform)); // clean precision-names
        _chats.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeGuildsupportCustomerId(request.PlayerId))); // leak TC1003 precision-pseudonym

        using (logger.BeginScope(new Dictionary<string, object?> { ["ConversationId"] = conversationId, ["Platform"] = request.Platform })) // clean precision-names
        using (logger.BeginScope("Player {Gamertag}", request.Gamertag)) // leak TC1001 direct
        {
            await conversations.AppendAsync(new ChatTurn(conversationId, "customer", request.Text, DateTimeOffset.UtcNow));
            var intent = await classifier.ClassifyAsync(request.Text);
            span.SetGuildsupportIntent(intent.Intent); // clean generated-api
            logger.LogInformation("Support chat opened: {Request}", request); // leak TC1001 logging-objects
            logger.LogInformation("Support chat opened {@Request}", request with { Gamertag = "***" }); // leak TC1001 logging-objects
            logger.LogInformation("Support chat opened {@Chat}", new { conversationId, request.Platform, intent.Intent, TextLength = request.Text.Length }); // clean logging-objects
            logger.LogInformation("Player wrote {Text}", request.Text); // leak TC1001 direct
            LogChatOpened(logger, conversationId, request.Gamertag); // clean precision-pseudonym

            if (!HumanIntents.Contains(intent.Intent))
            {
                span.SetGuildsupportOutcome("bot-answered"); // clean generated-api
                return new SupportChatReply(conversationId, intent.Intent, false, 0);
            }

            try
            {
                return await HandOffAsync(conversationId, request, intent, span);
            }
            catch (RpcException ex)
            {
                logger.LogError(ex, "Agent handoff failed with {Status}", ex.Status); // leak TC1001 exceptions
                throw;
            }
        }
    }

    private async Task<SupportChatReply> HandOffAsync(string conversationId, SupportChatRequest request, IntentResult intent, GuildsupportOperationSpan span)
    {
        var handoff = new HandoffRequest(conversationId, intent.Intent, intent.Intent, $"{request.Gamertag} on {request.Platform}: {request.Text}", 1);
        try
        {
            var ticket = await routing.HandOffAsync(handoff);
            _wait.Record(ticket.EstimatedWait.TotalSeconds, new KeyValuePair<string, object?>("queue", ticket.Queue)); // clean precision-names
            span.SetGuildsupportNote($"handed to {ticket.Queue} as {ticket.TicketId}"); // clean generated-api
            logger.LogInformation("Handoff {@Handoff}", handoff); // leak TC1001 logging-objects
            logger.LogInformation("Handoff ticket {Ticket}", ticket); // clean logging-objects
            var agent = routing.GetProfile("unassigned");
            logger.LogInformation("Agent profile {Profile}", agent); // clean logging-objects
            logger.LogInformation("Agent profile {@Profile}", agent); // leak TC1001 logging-objects
            return new SupportChatReply(conversationId, intent.Intent, true, ticket.Position);
        }
        catch (AgentUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            throw new RpcException("Unavailable", $"No agent for player {request.PlayerId} on {ex.Queue}");
        }
    }

    public async Task<SupportChatReply> SendMessage(string conversationId, string text, ServerCallContext context)
    {
        var turns = await conversations.GetTurnsAsync(conversationId);
        Activity.Current?.SetTag("chat.turns", turns.Count); // clean precision-about
        Activity.Current?.SetTag("chat.last_player", _lastRequest?.PlayerId); // leak TC1001 cross-member
        Activity.Current?.SetTag("chat.last_platform", _lastRequest?.Platform); // clean cross-member

        try
        {
            var intent = await classifier.ClassifyAsync(text);
            return new SupportChatReply(conversationId, intent.Intent, false, 0);
        }
        catch (MessageRejectedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag("chat.reject_reason", ex.Reason); // clean exceptions
            logger.LogWarning("Message refused: {Error}", ex.GetType().Name); // clean exceptions
            var player = _lastRequest?.PlayerId ?? string.Empty;
            var sampled = (uint)player.GetHashCode() % 100 < 5;
            Activity.Current?.SetTag("chat.sampled", sampled); // leak TC1002 hashes
            Activity.Current?.SetTag("player.sha", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(player)))[..16]); // leak TC1002 hashes
            var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(player))[0] % 20;
            Activity.Current?.SetTag("player.bucket", bucket); // clean hashes
            logger.LogGuildsupportOperationFailedEvent("eu-west", "rejected", guildsupportNote: ex.Message); // leak TC1001 generated-api
            logger.LogGuildsupportOperationFailedEvent("eu-west", "rejected", guildsupportNote: $"rejected for {ex.Reason} after {turns.Count} turns"); // clean generated-api
            throw;
        }
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Chat {ConversationId} opened by {Gamertag}")]
    private static partial void LogChatOpened(ILogger logger, string conversationId, [PrivateData] string gamertag);
}
