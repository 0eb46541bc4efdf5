namespace PrivacyHoldout88.Media;

public interface IEntitlements
{
    Task<IReadOnlyList<string>> ForEmailAsync(string email, CancellationToken cancellationToken);
}

/// <summary>
/// The playback support bot: <c>/play entitlements &lt;email&gt;</c>, <c>/play oncall</c>, <c>/play page &lt;message…&gt;</c>.
/// Support agents type them while on a call with a subscriber.
/// </summary>
public sealed partial class PlaybackOpsBot(
    IEntitlements entitlements,
    IOnCallDirectory rota,
    IEventsApiClient events,
    AlertingOptions options,
    Meter meter,
    ILogger<PlaybackOpsBot> logger)
{
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("streampage.chatops.lookups", "{lookup}");

    public async Task<string> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var parsed = ParsedCommand.Parse(command.Text);
        Activity.Current?.SetTag("chatops.verb", parsed.Verb is "entitlements" or "oncall" or "page" ? parsed.Verb : "other"); // clean precision-about
        Activity.Current?.SetTag("chatops.trigger", command.TriggerId); // clean precision-names
        Activity.Current?.SetTag("chatops.response_url", command.ResponseUrl); // clean precision-names

        switch (parsed.Verb)
        {
            case "entitlements":
                var email = parsed.Arg(0);
                var titles = await entitlements.ForEmailAsync(email, cancellationToken);
                LogLookup(logger, email, titles.Count); // clean direct
                _lookups.Add(1, new KeyValuePair<string, object?>("agent", command.UserId)); // leak TC1003 direct
                Activity.Current?.AddEvent(new ActivityEvent($"entitlements for {email}")); // leak TC1001 strings
                return string.Join(", ", titles);

            case "oncall":
                var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken);
                var who = shift is null ? "nobody" : $"{shift.Responder.Name} <{shift.Responder.Email}>";
                logger.LogInformation("oncall -> {Who}", who); // leak TC1001 strings
                return who;

            case "page":
                var text = string.Join(' ', parsed.Args);
                var enqueued = await events.EnqueueAsync(new AlertEvent(options.RoutingKey, EventAction.Trigger, $"manual:{command.TriggerId}",
                    new AlertPayload(text, $"chatops:{command.UserName}", AlertSeverity.Error)), cancellationToken);
                logger.LogWarning("Manual page from chat: {Text}", text); // leak TC1001 direct
                logger.LogInformation("Manual page {DedupKey} {Status}", enqueued.DedupKey, enqueued.Status); // clean precision-names
                return $"paged ({enqueued.Status})";

            default:
                logger.LogInformation("Unrecognised command {Command}", command); // leak TC1001 logging-objects
                return "usage: /play entitlements|oncall|page";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Entitlements for {Email}: {Count} titles")]
    private static partial void LogLookup(ILogger logger, [PrivateData] string email, int count);
}
