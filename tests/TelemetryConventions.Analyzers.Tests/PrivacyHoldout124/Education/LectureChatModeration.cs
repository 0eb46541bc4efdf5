namespace PrivacyHoldout124.Education;

/// <summary>
/// The live chat beside streamed lectures: messages go through the moderation service before they are
/// broadcast; blocked messages are hidden and repeat offenders are muted for the rest of the lecture.
/// </summary>
public sealed class LectureChatModeration(
    IModerationClient moderation,
    IChatChannel channel,
    ActivitySource source,
    ILogger<LectureChatModeration> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly QuizliveActionsCounter _actions = meter.CreateQuizliveActionsCounter();
    private readonly ConcurrentDictionary<string, int> _strikes = new();

    public async Task HandleAsync(string lecture, ChatMessage message, CancellationToken ct)
    {
        using var span = source.StartQuizliveLive(lecture);
        span.SetQuizliveItem(message.MessageId); // clean precision-names
        var verdict = await moderation.ClassifyAsync(message, ct);
        span.SetQuizliveOutcome(verdict.Action); // clean precision-about

        logger.LogDebug("Moderation verdict {@Verdict}", verdict); // clean logging-objects
        logger.LogInformation("Message {Message} in {Channel}", message, message.ChannelId); // clean logging-objects
        _actions.Add(1, lecture, verdict.Action); // clean precision-about

        if (verdict.Action == "allow")
        {
            await channel.BroadcastAsync(message, ct);
            return;
        }

        await channel.DeleteAsync(message.MessageId, ct);
        logger.LogWarning("Blocked message from {Sender}: {Text}", message.SenderHandle, message.Text); // leak TC1001 direct
        logger.LogQuizliveActionRejectedEvent(lecture, verdict.Action, pseudonymizer.PseudonymizeQuizliveStudentId(message.SenderId), $"rule {verdict.RuleId} score {verdict.Score:0.00}"); // clean generated-api

        var strikes = _strikes.AddOrUpdate(message.SenderId, 1, (_, n) => n + 1);
        if (strikes >= 3)
        {
            await channel.MuteAsync(message.SenderId, TimeSpan.FromHours(2), ct);
            span.Activity?.AddEvent(new ActivityEvent("muted", tags: new ActivityTagsCollection { ["strikes"] = strikes, ["student"] = message.SenderId })); // leak TC1001 direct
        }
    }

    public void ReportStrikes(string lecture)
    {
        logger.LogInformation("Strikes this lecture: {Strikes}", _strikes); // leak TC1001 logging-objects
        logger.LogInformation("{Students} students with strikes, {Muted} muted", _strikes.Count, _strikes.Values.Count(v => v >= 3)); // clean precision-about
    }

    public void Refused(string lecture, Exception ex)
    {
        if (ex is SenderMutedException muted)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, muted.Message); // leak TC1001 exceptions
            logger.LogDebug("Muted sender posted; mute ends {Until:u}", muted.Until); // clean exceptions
        }
        else if (ex is SlowModeException slow)
        {
            logger.LogDebug(slow, "Slow mode in {Lecture}", lecture); // clean exceptions
        }
    }
}
