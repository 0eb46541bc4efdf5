namespace PrivacyHoldout158.Healthcare;

/// <summary>Rings back callers who asked for a call-back and answers the crisis text line's messages.</summary>
public sealed class CallbackWorker(
    IQueueReceiver<Callback> callbacks,
    IQueueReceiver<InboundText> texts,
    ICallPlatform platform,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    HelplineOptions options,
    ILogger<CallbackWorker> logger) : BackgroundService
{
    private static readonly Meter HelplineMeter = new("Helplines.Callbacks");
    private static readonly Counter<long> Rung = HelplineMeter.CreateCounter<long>("callbacks.rung");

    private readonly List<string> unreachable = new();
    private InboundText? lastDistressText;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var callback = await callbacks.ReceiveAsync(stoppingToken);
            if (callback is not null)
            {
                await RingBackAsync(callback, stoppingToken);
            }

            var text = await texts.ReceiveAsync(stoppingToken);
            if (text is not null)
            {
                await AnswerAsync(text, stoppingToken);
            }
        }
    }

    private async Task RingBackAsync(Callback callback, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("callback.ring");
        activity?.SetTag("callback.id", callback.CallbackId); // clean precision-names
        activity?.SetTag("callback.slot", callback.Slot); // clean precision-about
        activity?.SetTag("callback.number_prefix", callback.Number[..3]); // clean precision-about
        activity?.SetTag("callback.number", callback.Number); // leak TC1001 direct
        activity?.SetBaggage("callback.caller", pseudonymizer.ComputeCrisislineCallerId(callback.Number)); // clean precision-pseudonym
        activity?.SetBaggage("callback.line", callback.LineCode); // clean precision-names

        try
        {
            await platform.ConnectAsync(callback.Number, "auto-dialler", cancellationToken);
            Rung.Add(1, new KeyValuePair<string, object?>("line", callback.LineCode), new KeyValuePair<string, object?>("late", DateTimeOffset.UtcNow - callback.Slot > options.CallbackTarget)); // clean precision-about
            Rung.Add(1, new KeyValuePair<string, object?>("caller", pseudonymizer.ComputeCrisislineCallerId(callback.Number))); // leak TC1003 precision-pseudonym
        }
        catch (TextRejectedException ex)
        {
            unreachable.Add(callback.Number);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("callback.gateway_code", ex.Code); // clean exceptions
            logger.LogWarning(ex, "Call-back {CallbackId} could not be placed", callback.CallbackId); // leak TC1001 exceptions
        }
        catch (GatewayTimeoutException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Call-back {CallbackId} timed out", callback.CallbackId); // clean exceptions
        }
    }

    private async Task AnswerAsync(InboundText text, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("text.answer");
        activity?.SetTag("text.conversation", text.ConversationId); // clean precision-names
        activity?.SetTag("text.body_length", text.Body.Length); // clean precision-about
        activity?.SetTag("text.from_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.FromNumber)))[..12]); // leak TC1002 hashes
        activity?.SetTag("text.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(text.FromNumber))[0] % 8); // clean hashes
        activity?.SetTag("text.dedupe", text.FromNumber.GetHashCode()); // leak TC1002 hashes

        if (text.Body.Contains("tonight", StringComparison.OrdinalIgnoreCase))
        {
            lastDistressText = text;
        }

        logger.LogInformation("Text {@Text}", text); // leak TC1001 logging-objects
        logger.LogInformation("Text in conversation {ConversationId} at {At}", text.ConversationId, text.ReceivedAt); // clean precision-names
        await platform.TextAsync(text.FromNumber, "A volunteer will reply shortly.", cancellationToken);
    }

    public void Report()
    {
        logger.LogWarning("Unreachable for call-back: {Numbers}", unreachable); // leak TC1001 cross-member
        logger.LogWarning("Unreachable for call-back: {Count}", unreachable.Count); // clean cross-member
        Activity.Current?.AddEvent(new ActivityEvent("distress.text", tags: new ActivityTagsCollection { ["body"] = lastDistressText?.Body })); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("distress.text", tags: new ActivityTagsCollection { ["conversation"] = lastDistressText?.ConversationId })); // clean cross-member
    }
}
