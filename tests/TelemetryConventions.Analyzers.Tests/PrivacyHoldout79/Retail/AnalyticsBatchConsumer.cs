namespace PrivacyHoldout79.Retail;

/// <summary>
/// Re-emits the shopping app's batches from the ingestion topic to the warehouse, dead-lettering
/// the ones it cannot read. The topic is keyed by batch id.
/// </summary>
public sealed class AnalyticsBatchConsumer(
    IConsumer<string, string> consumer,
    IDeadLetterQueue deadLetters,
    IAnalyticsForwarder forwarder,
    ILogger<AnalyticsBatchConsumer> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter)
{
    private readonly Counter<long> _batches = meter.CreateCounter<long>("shop.ingest.batches");

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        using var span = source.StartCartpulseIngest(result.Message.Key);
        span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
        span.Activity?.SetTag("messaging.kafka.partition", result.Partition);

        TrackBatch? batch;
        try
        {
            batch = JsonSerializer.Deserialize<TrackBatch>(result.Message.Value);
        }
        catch (JsonException ex)
        {
            await deadLetters.PutAsync(new DeadLetter(result.Message.Key, "shop-app", "json", result.Message.Value, DateTimeOffset.UtcNow), cancellationToken);
            logger.LogError(ex, "Batch {BatchId} dead-lettered at {Path}", result.Message.Key, ex.Path); // clean exceptions
            span.SetCartpulseOutcome("dead_lettered:json"); // clean precision-about
            span.Activity?.SetTag("deadletter.payload.preview", result.Message.Value[..Math.Min(120, result.Message.Value.Length)]); // leak TC1001 direct
            _batches.Add(1, new KeyValuePair<string, object?>("outcome", "dead_lettered"), new("reason", "json")); // clean precision-about
            return;
        }

        if (batch is null || batch.Events.Count == 0)
        {
            var empty = new BatchRejectedException(result.Message.Key, 0, "empty");
            span.SetStatus(ActivityStatusCode.Error, empty.Message); // clean exceptions
            return;
        }

        foreach (var e in batch.Events)
        {
            var customer = e.UserId ?? e.AnonymousId;
            var row = new Dictionary<string, object?>(e.Properties) { ["customer"] = pseudonymizer.ComputeCartpulseUserId(customer), ["event"] = e.Event };
            await forwarder.ForwardAsync("shop_app_events", row, cancellationToken);

            var partition = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customer))[0] % 16;
            span.Activity?.SetTag("warehouse.partition", partition); // clean precision-about
            span.Activity?.SetTag("customer.legacy_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customer)))[..12]); // leak TC1002 hashes
            span.SetCartpulseUserId(Pseudonym.FromComputed(customer)); // leak TC1001 precision-pseudonym
            logger.LogDebug("Forwarded row {@Row}", row); // leak TC1001 logging-objects
            logger.LogDebug("Forwarded {Event} for {Customer} with {Columns} columns", e.Event, row["customer"], row.Count); // clean precision-pseudonym
        }

        _batches.Add(1, new KeyValuePair<string, object?>("outcome", "forwarded"), new("events", batch.Events.Count > 100 ? "100+" : "<100")); // clean precision-about
        consumer.Commit(result);
    }
}
