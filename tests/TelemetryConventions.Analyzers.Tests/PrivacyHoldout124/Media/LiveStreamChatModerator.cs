namespace PrivacyHoldout124.Media;

/// <summary>
/// Chat beside the broadcaster's live streams (the football, the election night): slow mode when the chat
/// runs hot, automatic hiding of messages the classifier scores high, and the moderators' timeouts.
/// </summary>
public sealed class LiveStreamChatModerator(
    IModerationClient moderation,
    IChatChannel channel,
    ActivitySource source,
    ILogger<LiveStreamChatModerator> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly StreamliveActionsCounter _actions = meter.CreateStreamliveActionsCounter();
    private readonly Counter<long> _timeouts = meter.CreateCounter<long>("stream.chat.timeouts");

    public async Task PostAsync(string stream, ChatMessage message, CancellationToken ct)
    {
        using var span = source.StartStreamliveLive(stream);
        span.SetStreamliveViewerId(pseudonymizer.PseudonymizeStreamliveViewerId(message.SenderId)); // clean precision-pseudonym
        try
        {
            var verdict = await moderation.ClassifyAsync(message, ct);
            _actions.Add(1, stream, verdict.Action); // clean precision-about
            span.SetStreamliveOutcome(verdict.Action).SetStreamliveItem(verdict.RuleId); // clean precision-names
            logger.LogDebug("Matched terms {Terms}", string.Join(",", verdict.MatchedTerms)); // clean strings
            if (verdict.Score > 0.9)
            {
                logger.LogInformation("Auto-hid message {MessageId} from {Handle} (score {Score:0.00})", message.MessageId, message.SenderHandle, verdict.Score); // leak TC1001 direct
                return;
            }
            await channel.BroadcastAsync(message, ct);
        }
        catch (SlowModeException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
        catch (SenderMutedException ex)
        {
            logger.LogInformation("Muted viewer posted: {Reason}", ex.Message); // leak TC1001 exceptions
        }
    }

    public async Task TimeoutAsync(string stream, ChatMessage message, string moderatorStaffId, TimeSpan duration, CancellationToken ct)
    {
        using var span = source.StartStreamliveLive(stream);
        await channel.MuteAsync(message.SenderId, duration, ct);
        span.SetStreamliveStaffId(pseudonymizer.PseudonymizeStreamliveStaffId(moderatorStaffId)); // clean precision-pseudonym
        _timeouts.Add(1, new("stream", stream), new("duration.min", (int)duration.TotalMinutes)); // clean precision-about
        span.Activity?.AddEvent(new ActivityEvent("chat.timeout", tags: new ActivityTagsCollection { ["handle"] = message.SenderHandle, ["minutes"] = duration.TotalMinutes })); // leak TC1001 direct
        logger.LogStreamliveActionRejectedEvent(stream, "timeout", pseudonymizer.PseudonymizeStreamliveViewerId(message.SenderId), $"quoted: \"{message.Text}\""); // leak TC1001 generated-api
        logger.LogInformation("Timeout {Minutes} min issued on {Stream}", duration.TotalMinutes, stream); // clean precision-about
    }

    public void Digest(string stream, IReadOnlyList<ChatMessage> window)
    {
        var topChatters = window.GroupBy(m => m.SenderHandle).OrderByDescending(g => g.Count()).Take(5).Select(g => g.Key).ToList();
        logger.LogInformation("Busiest chatters on {Stream}: {Chatters}", stream, topChatters); // leak TC1001 logging-objects
        logger.LogInformation("{Messages} messages from {Senders} viewers in the last minute", window.Count, window.Select(m => m.SenderId).Distinct().Count()); // clean precision-about
        var mentions = window.SelectMany(m => m.Text.Split(' ').Where(w => w.StartsWith('@'))).Distinct();
        Activity.Current?.SetTag("chat.mentions", string.Join(" ", mentions)); // leak TC1001 strings
    }
}
