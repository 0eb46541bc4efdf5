namespace PrivacyHoldout176.Gaming;

/// <summary>Translates cross-region party chat between players; failures are logged for the localisation team.</summary>
public sealed partial class ChatTranslationWorker(
    IQueueReceiver<ChatLine> queue,
    IMachineTranslator translator,
    ILogger<ChatTranslationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.ChatTranslation");
    private static readonly Meter Meter = new("Studio.ChatTranslation");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("chat.translation.latency", "s");
    private readonly RealmlocaleOperationDurationHistogram _duration = Meter.CreateRealmlocaleOperationDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await queue.ReceiveAsync(stoppingToken);
            if (line is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var activity = Source.StartActivity("Chat.Translate");
            activity?.SetTag("chat.party_id", line.PartyId); // clean precision-names
            activity?.SetTag("chat.from_locale", line.FromLocale); // clean precision-about
            activity?.SetTag("chat.sender", line.SenderGamertag); // leak TC1001 direct
            try
            {
                var translated = await translator.TranslateAsync(line.Text, line.FromLocale, line.ToLocale, stoppingToken);
                LogTranslated(logger, line.PartyId, translated.Length); // clean precision-about
                LogLine(logger, line.SenderGamertag, line.Text); // leak TC1001 direct
                LogLineClassified(logger, line.SenderGamertag, line.Text); // clean precision-names
            }
            catch (TranslationProviderException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogError(ex, "Chat translation failed for {Line}", line); // leak TC1001 logging-objects
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Latency.Record(elapsed, new KeyValuePair<string, object?>("from", line.FromLocale), new KeyValuePair<string, object?>("to", line.ToLocale)); // clean precision-about
            Latency.Record(elapsed, new KeyValuePair<string, object?>("sender", line.SenderGamertag)); // leak TC1003 direct
            _duration.Record(elapsed, "chat"); // clean generated-api
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Party {PartyId}: {Chars} characters translated")]
    private static partial void LogTranslated(ILogger logger, string partyId, int chars);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Sender}: {Text}")]
    private static partial void LogLine(ILogger logger, string sender, string text);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Sender}: {Text}")]
    private static partial void LogLineClassified(ILogger logger, [PrivateData] string sender, [PrivateData] string text);
}

/// <summary>A chat line: party, the sender's gamertag, the text as typed and the locales.</summary>
public sealed record ChatLine(string PartyId, string SenderGamertag, string Text, string FromLocale, string ToLocale);
