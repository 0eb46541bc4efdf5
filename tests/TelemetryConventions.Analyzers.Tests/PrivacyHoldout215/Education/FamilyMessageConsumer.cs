namespace PrivacyHoldout215.Education;

/// <summary>Relays messages between tutors and families from the marketplace's message topic (keyed by thread id).</summary>
public sealed class FamilyMessageConsumer(
    IConsumer<string, ThreadMessage> consumer,
    IMarketplaceStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FamilyMessageConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Education.Messages");

    private readonly Counter<long> _relayed = meter.CreateCounter<long>("catch_up.messages.relayed");
    private ThreadMessage? _lastFlagged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var message = result.Message.Value;
            using var activity = Source.StartActivity("message.relay");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("message.id", message.MessageId); // clean precision-names
            activity?.SetTag("message.sender", message.SenderId); // leak TC1001 direct
            activity?.SetTag("message.length", message.Body.Length); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about

            if (message.Body.Contains("phone", StringComparison.OrdinalIgnoreCase) || message.Body.Contains("@", StringComparison.Ordinal))
            {
                _lastFlagged = message;
                activity?.AddEvent(new ActivityEvent("message.flagged", tags: new ActivityTagsCollection { ["body"] = message.Body })); // leak TC1001 direct
                logger.LogWarning("Contact details shared off-platform in thread {ThreadId}", message.ThreadId); // clean precision-names
            }

            var dedupe = message.Body.GetHashCode();
            activity?.SetTag("message.dedupe", dedupe); // leak TC1002 hashes
            var senderHash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(message.SenderId)));
            logger.LogDebug("Sender hash {SenderHash}", senderHash); // leak TC1002 hashes
            var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(message.SenderId)))[..8];
            logger.LogDebug("Sender shard {Shard}", keyed); // clean hashes

            await store.SaveMessageAsync(message, stoppingToken);
            _relayed.Add(1, new KeyValuePair<string, object?>("topic", result.Topic)); // clean precision-names
            _relayed.Add(1, new KeyValuePair<string, object?>("sender", message.SenderId)); // leak TC1003 direct
            logger.LogInformation("Relayed {Message}", message); // leak TC1001 logging-objects
            logger.LogInformation("Relayed {Info}", new { message.ThreadId, message.MessageId, Length = message.Body.Length }); // clean logging-objects
            consumer.Commit(result);
        }
    }

    public void ReportLastFlagged()
    {
        if (_lastFlagged is null)
        {
            return;
        }

        logger.LogWarning("Last flagged message: {Body}", _lastFlagged.Body); // leak TC1001 cross-member
        logger.LogWarning("Last flagged thread: {ThreadId}", _lastFlagged.ThreadId); // clean cross-member
        Activity.Current?.SetTag("flagged.sender", pseudonymizer.PseudonymizeHomestudyClientId(_lastFlagged.SenderId)); // clean precision-pseudonym
    }
}
