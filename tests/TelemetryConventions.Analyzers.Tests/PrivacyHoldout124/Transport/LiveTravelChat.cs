namespace PrivacyHoldout124.Transport;

/// <summary>
/// The operator's live travel chat during disruption: passengers ask in a public channel, agents answer, and
/// the moderation service hides abuse aimed at staff. Questions that mention a booking are routed to an agent.
/// </summary>
public sealed class LiveTravelChat(
    IModerationClient moderation,
    IChatChannel channel,
    ActivitySource source,
    ILogger<LiveTravelChat> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly RailliveActionsCounter _actions = meter.CreateRailliveActionsCounter();

    public async Task OnMessageAsync(string disruptionChannel, ChatMessage message, CancellationToken ct)
    {
        using var span = source.StartRailliveLive(disruptionChannel);
        var verdict = await moderation.ClassifyAsync(message, ct);
        _actions.Add(1, disruptionChannel, verdict.Action); // clean precision-about
        span.SetRailliveItem(message.MessageId).SetRaillivePassengerId(pseudonymizer.PseudonymizeRaillivePassengerId(message.SenderId)); // clean precision-pseudonym
        logger.LogInformation("Chat {MessageId} in {Channel}: {Verdict}", message.MessageId, message.ChannelId, verdict); // clean logging-objects

        var bookingRef = message.Text.Split(' ').FirstOrDefault(w => w.Length == 8 && w.All(char.IsLetterOrDigit) && w.Any(char.IsDigit));
        if (bookingRef is not null)
        {
            span.SetRailliveOutcome("routed-to-agent"); // clean precision-about
            logger.LogInformation("Routing {Handle}'s booking question to an agent", message.SenderHandle); // leak TC1001 direct
        }

        if (verdict.Action == "hide")
        {
            logger.LogWarning("Hid abuse in {Channel}: {Text}", disruptionChannel, message.Text); // leak TC1001 direct
            return;
        }
        await channel.BroadcastAsync(message, ct);
    }

    public void Reply(string disruptionChannel, string agentStaffId, string replyText, int queueLength)
    {
        using var span = source.StartRailliveLive(disruptionChannel);
        span.SetRailliveQueueLength(queueLength); // clean precision-about
        span.Activity?.SetTag("chat.agent", agentStaffId); // leak TC1001 direct
        logger.LogDebug("Agent reply of {Length} characters", replyText.Length); // clean precision-about
    }
}
