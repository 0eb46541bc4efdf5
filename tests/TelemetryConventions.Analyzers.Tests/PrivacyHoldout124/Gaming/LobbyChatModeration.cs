namespace PrivacyHoldout124.Gaming;

/// <summary>
/// The pre-match lobby chat: every message is scored by the moderation service; toxic messages are hidden,
/// the sender is muted, and moderators on shift can review the hidden messages.
/// </summary>
public sealed class LobbyChatModeration(
    IModerationClient moderation,
    IChatChannel channel,
    ActivitySource source,
    ILogger<LobbyChatModeration> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly ArenaliveActionsCounter _actions = meter.CreateArenaliveActionsCounter();
    private readonly Counter<long> _terms = meter.CreateCounter<long>("lobby.chat.terms");

    public async Task OnMessageAsync(string lobby, ChatMessage message, CancellationToken ct)
    {
        using var span = source.StartArenaliveLive(lobby);
        var verdict = await moderation.ClassifyAsync(message, ct);
        span.SetArenaliveItem(message.MessageId).SetArenaliveOutcome(verdict.Action); // clean precision-names
        _actions.Add(1, lobby, verdict.Action); // clean precision-about

        foreach (var term in verdict.MatchedTerms)
        {
            _terms.Add(1, new KeyValuePair<string, object?>("rule", verdict.RuleId)); // clean precision-about
        }

        if (verdict.Action != "allow")
        {
            logger.LogInformation("Hidden {Verdict} in {Channel}", verdict, message.ChannelId); // clean logging-objects
            logger.LogWarning("Toxic message by {Sender}", message.SenderHandle); // leak TC1001 direct
            span.SetArenaliveNote(message.Text); // leak TC1001 generated-api
            span.Activity?.SetTag("chat.text.length", message.Text.Length); // clean precision-about
            await channel.MuteAsync(message.SenderId, TimeSpan.FromMinutes(10), ct);
            return;
        }

        await channel.BroadcastAsync(message, ct);
        var preview = message.Text.Length > 24 ? message.Text[..24] + "…" : message.Text;
        logger.LogTrace("Broadcast {Preview}", preview); // leak TC1001 strings
    }

    public void Review(string lobby, ChatMessage hidden, string moderatorStaffId, string decision)
    {
        using var span = source.StartArenaliveLive(lobby);
        span.SetArenaliveStaffId(pseudonymizer.PseudonymizeArenaliveStaffId(moderatorStaffId)).SetArenaliveOutcome(decision); // clean precision-pseudonym
        logger.LogInformation("Review of {MessageId} by moderator {Moderator}: {Decision}", hidden.MessageId, moderatorStaffId, decision); // leak TC1001 direct
        Activity.Current?.SetBaggage("moderator", pseudonymizer.ComputeArenaliveStaffId(moderatorStaffId)); // clean precision-pseudonym
        logger.LogArenaliveActionRejectedEvent(lobby, decision, Pseudonym.FromComputed(hidden.SenderId)); // leak TC1001 precision-pseudonym
    }
}
