namespace PrivacyHoldout187.Retail;

/// <summary>The retailer's order chat: the bot answers "where is my order", an agent takes refunds; an NPS question follows.</summary>
[ApiController]
[Route("api/order-chat")]
public sealed partial class OrderChatController(
    IConversationStore conversations,
    IIntentClassifier classifier,
    IRoutingClient routing,
    ISurveyStore surveys,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ContactCentreOptions options,
    ILogger<OrderChatController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout187.Retail.OrderChat");

    private readonly Counter<long> _intents = meter.CreateCounter<long>("basketchat.intents");
    private readonly Counter<long> _nps = meter.CreateCounter<long>("basketchat.nps.answers");

    [HttpPost("{conversationId}")]
    public async Task<ActionResult> Post(string conversationId, [FromBody] ShopperChat chat, [FromBody] string text)
    {
        using var span = Source.StartBasketchatOperation("online");
        var customer = pseudonymizer.PseudonymizeBasketchatCustomerId(chat.CustomerNumber);
        span.SetBasketchatCustomerId(customer); // clean generated-api
        span.SetBasketchatChannel("web-chat"); // clean generated-api
        Activity.Current?.SetTag("order.number", chat.OrderNumber); // clean precision-names
        Activity.Current?.SetTag("customer.number", chat.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("customer.display_name", chat.DisplayName); // leak TC1001 direct
        Activity.Current?.SetTag("customer.ref", customer.Value); // clean precision-pseudonym
        Activity.Current?.SetTag("customer.email_template_id", "order-chat-transcript-v2"); // clean precision-names
        OpenTelemetry.Baggage.SetBaggage("customer.ref", customer.Value); // clean precision-pseudonym
        OpenTelemetry.Baggage.SetBaggage("customer.email", chat.Email); // leak TC1001 direct
        HttpContext.RequestHeaders.TryGetValue("User-Agent", out var userAgent);
        Activity.Current?.SetTag("http.user_agent", userAgent); // clean precision-names

        await conversations.AppendAsync(new ChatTurn(conversationId, "customer", text, DateTimeOffset.UtcNow));
        var intent = await classifier.ClassifyAsync(text);
        span.SetBasketchatIntent(intent.Intent); // clean generated-api
        _intents.Add(1, new KeyValuePair<string, object?>("intent", intent.Intent), new KeyValuePair<string, object?>("locale", intent.Locale)); // clean precision-names
        _intents.Add(1, new KeyValuePair<string, object?>("customer", customer.Value)); // leak TC1003 precision-pseudonym

        logger.LogInformation("Order chat {ConversationId} about order {OrderNumber}: {Text}", conversationId, chat.OrderNumber, text); // leak TC1001 direct
        logger.LogInformation("Order chat {ConversationId} about order {OrderNumber} classified {Intent}", conversationId, chat.OrderNumber, intent.Intent); // clean precision-names
        logger.LogInformation("Order chat {@Chat}", chat); // leak TC1001 logging-objects
        logger.LogInformation("Order chat {@Chat}", chat with { Email = "redacted", DisplayName = "redacted" }); // leak TC1001 logging-objects
        logger.LogInformation("Order chat {@Chat}", new { chat.ConversationId, chat.OrderNumber, intent.Confidence }); // clean logging-objects

        if (intent.Intent == "refund.request")
        {
            var handoff = new HandoffRequest(conversationId, "refunds", intent.Intent, $"Refund wanted on {chat.OrderNumber}", 1);
            logger.LogInformation("Refund handoff {@Handoff}", handoff); // clean logging-objects
            try
            {
                var ticket = await routing.HandOffAsync(handoff);
                span.SetBasketchatOutcome("handed-off"); // clean generated-api
                span.SetBasketchatNote($"refund for {chat.OrderNumber} queued at {ticket.Position}"); // clean generated-api
                return Ok(ticket);
            }
            catch (AgentUnavailableException ex)
            {
                span.RecordException(ex); // clean exceptions
                logger.LogWarning(ex, "Refund queue {Queue} full", ex.Queue); // clean exceptions
                logger.LogBasketchatOperationFailedEvent("online", "no-agent", basketchatCustomerId: customer, basketchatNote: $"no refund agent, customer {chat.DisplayName}"); // leak TC1001 generated-api
                return NotFound("no agent");
            }
        }

        var reply = $"Hi {chat.DisplayName}, order {chat.OrderNumber} is on its way.";
        logger.LogDebug("Bot reply {Reply}", reply); // leak TC1001 strings
        logger.LogDebug("Bot reply of {Length} characters for order {OrderNumber}", reply.Length, chat.OrderNumber); // clean precision-about
        span.SetBasketchatNote(reply); // leak TC1001 generated-api
        LogReplySent(logger, conversationId, chat.Email); // clean precision-pseudonym
        LogReplyTo(logger, conversationId, chat.Email); // leak TC1001 logging-objects
        return Ok(reply);
    }

    [HttpPost("verify")]
    public ActionResult Verify([FromBody] ShopperChat chat, [FromBody] string lastFourOfCard, [FromBody] string dateOfBirth)
    {
        Activity.Current?.SetTag("verification.card_last4", lastFourOfCard); // clean precision-about
        Activity.Current?.SetTag("verification.attempted", true); // clean precision-about
        try
        {
            throw new CustomerNotVerifiedException(chat.CustomerNumber, 2);
        }
        catch (CustomerNotVerifiedException ex)
        {
            Activity.Current?.SetTag("verification.attempts_left", ex.AttemptsLeft); // clean exceptions
            Activity.Current?.SetTag("error.message", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Verification failed: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Verification failed, date of birth given {DateOfBirth}", dateOfBirth); // leak TC1001 direct
            meter.CreateBasketchatOperationsCounter().Add(1, "online", basketchatOutcome: "not-verified"); // clean generated-api
            return BadRequest("not verified");
        }
    }

    [HttpPost("nps")]
    public async Task<ActionResult> RecordNps([FromBody] NpsAnswer answer)
    {
        var category = answer.Score >= 9 ? "promoter" : answer.Score >= 7 ? "passive" : "detractor";
        Activity.Current?.SetTag("nps.response_id", answer.ResponseId); // clean precision-names
        Activity.Current?.SetTag("nps.category", category); // clean precision-about
        Activity.Current?.SetTag("nps.comment", answer.Comment); // leak TC1001 direct
        _nps.Add(1, new KeyValuePair<string, object?>("category", category)); // clean precision-about
        _nps.Add(1, new KeyValuePair<string, object?>("customer_hash", answer.CustomerNumber.GetHashCode() & 0xff)); // leak TC1002 hashes
        Activity.Current?.SetTag("nps.customer_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(answer.CustomerNumber)))); // leak TC1002 hashes
        var panel = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(answer.CustomerNumber))[0] % 4;
        Activity.Current?.SetTag("nps.panel", panel); // clean hashes
        logger.LogInformation("NPS {Answer}", answer); // leak TC1001 logging-objects
        logger.LogInformation("NPS {ResponseId} {Score} {Category} has comment {HasComment}", answer.ResponseId, answer.Score, category, answer.Comment is not null); // clean precision-about

        var responses = await surveys.GetResponsesAsync("post-chat-nps");
        logger.LogInformation("NPS channels {Channels}", responses.Select(r => r.Channel).Distinct().ToList()); // clean logging-objects
        logger.LogInformation("NPS recent {Responses}", responses.TakeLast(5)); // leak TC1001 logging-objects
        var commentDigest = new StringBuilder();
        foreach (var response in responses.Where(r => r.Comment is not null))
        {
            commentDigest.Append(response.Score).Append(": ").Append(response.Comment).Append("; ");
        }

        logger.LogInformation("NPS comment digest {Digest}", commentDigest); // leak TC1001 strings
        meter.CreateBasketchatOperationDurationHistogram().Record(0.2, options.CentreCode); // clean generated-api
        return Ok(category);
    }

    [LoggerMessage(EventId = 9601, Level = LogLevel.Debug, Message = "Reply sent in {ConversationId} to {Email}")]
    private static partial void LogReplySent(ILogger logger, string conversationId, [PrivateData] string email);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Debug, Message = "Transcript mailed for {ConversationId} to {Email}")]
    private static partial void LogReplyTo(ILogger logger, string conversationId, string email);
}
