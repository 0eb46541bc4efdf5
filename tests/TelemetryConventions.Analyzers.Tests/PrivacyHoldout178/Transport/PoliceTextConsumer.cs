namespace PrivacyHoldout178.Transport;

public static partial class PoliceTextLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Text {MessageId} from {SenderNumber} received")]
    public static partial void Received(ILogger logger, string messageId, [PrivateData] string senderNumber);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Text {MessageId} from {SenderNumber} passed to the control room")]
    public static partial void PassedOn(ILogger logger, string messageId, string senderNumber);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Text {MessageId} on {Headcode} graded {Grade}")]
    public static partial void Graded(ILogger logger, string messageId, string? headcode, string grade);
}

/// <summary>Consumes passengers' texts to the transport police line (a topic keyed by the sender's number) and opens an incident.</summary>
public sealed class PoliceTextConsumer(IConsumer<string, PoliceText> consumer, Pseudonymizer pseudonymizer, ILogger<PoliceTextConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("TransportPolice.Texts");
    private static readonly Meter Meter = new("TransportPolice.Texts");
    private static readonly Counter<long> Texts = Meter.CreateCounter<long>("police.texts");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var text = result.Message.Value;
            using var span = Source.StartRailsafeOperation("text-line");
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
            span.Activity?.SetTag("text.id", text.MessageId); // clean precision-names
            span.Activity?.SetTag("text.body.length", text.Body.Length); // clean precision-about
            span.Activity?.SetTag("text.headcode", text.Headcode); // clean precision-names
            PoliceTextLog.Received(logger, text.MessageId, text.SenderNumber); // clean logging-objects
            PoliceTextLog.PassedOn(logger, text.MessageId, text.SenderNumber); // leak TC1001 direct
            PoliceTextLog.Graded(logger, text.MessageId, text.Headcode, "immediate"); // clean precision-names
            span.SetRailsafeCallerId(pseudonymizer.PseudonymizeRailsafeCallerId(text.SenderNumber)); // clean precision-pseudonym
            logger.LogInformation("Text body: {Body}", text.Body); // leak TC1001 direct
            Texts.Add(1, new KeyValuePair<string, object?>("has_headcode", text.Headcode is not null)); // clean precision-about
            var senderHash = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(text.SenderNumber)));
            Texts.Add(1, new KeyValuePair<string, object?>("sender", senderHash)); // leak TC1002 hashes
            try
            {
                Verify(text.SenderNumber);
            }
            catch (CallerNotVerifiedException ex)
            {
                span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Sender check failed: {Type}", ex.GetType().Name); // clean exceptions
                logger.LogRailsafeOperationFailedEvent("text-line", "unverified", railsafeNote: "sender check failed"); // clean exceptions
            }
            catch (CadUnavailableException ex)
            {
                logger.LogError(ex, "Could not open an incident for {MessageId}", text.MessageId); // clean exceptions
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private static void Verify(string senderNumber)
    {
        if (senderNumber.Length < 11)
        {
            throw new CallerNotVerifiedException(senderNumber);
        }
    }
}
