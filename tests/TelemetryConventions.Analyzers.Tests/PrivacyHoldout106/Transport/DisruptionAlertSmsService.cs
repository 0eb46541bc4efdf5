namespace PrivacyHoldout106.Transport;

/// <summary>A rider subscribed to a line's disruption alerts.</summary>
public sealed record AlertSubscription(Guid RiderId, string Mobile, string Line, string? FavouriteStopLabel);

public interface IAlertSubscriptions
{
    Task<IReadOnlyList<AlertSubscription>> ForMobileAsync(string mobile, CancellationToken cancellationToken = default);

    Task AddAsync(AlertSubscription subscription, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlertSubscription>> ForLineAsync(string line, CancellationToken cancellationToken = default);
}

/// <summary>
/// Disruption alerts by text: riders text "SUB 42" or "UNSUB 42" to the alerts number, STOP to end all
/// alerts, HELP for the terms; the control room's disruptions are sent to each line's subscribers.
/// </summary>
public sealed partial class DisruptionAlertSmsService(
    ActivitySource source,
    Meter meter,
    ILogger<DisruptionAlertSmsService> logger,
    IAlertSubscriptions subscriptions,
    ISuppressionList suppression,
    ISmsClient sms,
    Pseudonymizer pseudonymizer,
    GatewayOptions options)
{
    private readonly TransitmsgMessagesCounter _messages = meter.CreateTransitmsgMessagesCounter();
    private readonly Counter<long> _subs = meter.CreateCounter<long>("transitmsg.alert.subscriptions");

    public async Task<string> HandleAsync(InboundSms inbound, CancellationToken cancellationToken)
    {
        using var span = source.StartTransitmsgInbound("sms").SetTransitmsgDirection("inbound");
        var words = inbound.Body.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var known = await subscriptions.ForMobileAsync(inbound.From, cancellationToken);

        switch (words)
        {
            case ["SUB", var line]:
                var rider = known.FirstOrDefault()?.RiderId ?? Guid.NewGuid();
                await subscriptions.AddAsync(new AlertSubscription(rider, inbound.From, line, null), cancellationToken);
                span.SetTransitmsgKeyword("SUB").SetTransitmsgLine(line); // clean precision-about
                span.SetTransitmsgRiderId(pseudonymizer.PseudonymizeTransitmsgRiderId(rider.ToString())); // clean precision-pseudonym
                _subs.Add(1, new KeyValuePair<string, object?>("line", line)); // clean precision-about
                _subs.Add(1, new KeyValuePair<string, object?>("line", line), new KeyValuePair<string, object?>("rider", pseudonymizer.ComputeTransitmsgRiderId(rider.ToString()))); // leak TC1003 precision-pseudonym
                logger.LogInformation("Rider {RiderId} subscribed to line {Line}", rider, line); // leak TC1001 direct
                return new MessagingResponse().Message($"You'll get alerts for line {line}. Reply UNSUB {line} to stop.").ToString();
            case ["STOP" or "STOPALL" or "END"]:
                await suppression.AddAsync(new SuppressionEntry(inbound.From, "sms", SuppressionReason.SmsStop, "alerts", DateTimeOffset.UtcNow), cancellationToken);
                span.SetTransitmsgKeyword(words[0]).SetTransitmsgOutcome("opted-out"); // clean precision-about
                logger.LogInformation("All alerts stopped for lines {Lines}", string.Join(',', known.Select(k => k.Line))); // clean precision-names
                logger.LogInformation("All alerts stopped for {Subscriptions}", known); // clean logging-objects
                logger.LogInformation("Alerts stopped: {Labels}", string.Join(';', known.Select(k => k.FavouriteStopLabel))); // leak TC1001 strings
                return new MessagingResponse().ToString();
            case ["HELP"]:
                span.SetTransitmsgKeyword("HELP"); // clean precision-about
                return new MessagingResponse().Message("Disruption alerts: text SUB and a line number. Msg&data rates may apply.").ToString();
            default:
                span.SetTransitmsgOutcome("unparsed").SetTransitmsgNote($"{words.Length} words, first '{words.FirstOrDefault()}'"); // leak TC1001 generated-api
                Activity.Current?.SetTag(TransitmsgAttributes.RiderContact, inbound.From); // leak TC1001 generated-api
                return new MessagingResponse().ToString();
        }
    }

    public async Task BroadcastAsync(string line, string disruptionId, string text, CancellationToken cancellationToken)
    {
        using var span = source.StartTransitmsgSend("sms", "tpl-disruption").SetTransitmsgLine(line).SetTransitmsgNote($"disruption {disruptionId}"); // clean precision-names
        var subscribers = await subscriptions.ForLineAsync(line, cancellationToken);
        logger.LogInformation("Broadcasting {Disruption} on line {Line} to {Count} subscribers", disruptionId, line, subscribers.Count); // clean precision-about
        var failed = new List<string>();
        foreach (var subscriber in subscribers)
        {
            try
            {
                await sms.SendAsync(subscriber.Mobile, options.ShortCode, text, cancellationToken: cancellationToken);
            }
            catch (SmsApiException ex)
            {
                failed.Add(subscriber.Mobile);
                logger.LogWarning("Alert not sent: {Code} {Status} {MoreInfo}", ex.Code, ex.Status, ex.MoreInfo); // clean exceptions
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
            }
        }

        if (failed.Count > 0)
        {
            LogFailures(logger, failed.Count, string.Join(',', failed)); // clean logging-objects
            logger.LogWarning("Failed numbers {Failed}", failed); // leak TC1001 logging-objects
            logger.LogTransitmsgMessageRejectedEvent("sms", "partial", transitmsgNote: $"{failed.Count} of {subscribers.Count} failed"); // clean generated-api
        }

        _messages.Add(subscribers.Count - failed.Count, "sms", "outbound", "sent"); // clean precision-about
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Warning, Message = "{Count} alert(s) failed: {Numbers}")]
    private static partial void LogFailures(ILogger logger, int count, [PrivateData] string numbers);
}
