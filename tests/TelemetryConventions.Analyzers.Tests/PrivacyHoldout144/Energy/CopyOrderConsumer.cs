namespace PrivacyHoldout144.Energy;

/// <summary>
/// Readers order scans of documents from the search room; the orders arrive on the <c>heritage.copy-orders</c>
/// topic, keyed by the reader's ticket so that one reader's orders stay in sequence. The reprographics studio
/// scans them and emails a download link.
/// </summary>
public sealed class CopyOrderConsumer(
    IConsumer<string, CopyOrder> consumer,
    ICopyStudio studio,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<CopyOrderConsumer> logger) : BackgroundService
{
    private readonly Histogram<int> _pages = meter.CreateHistogram<int>("powerarchive.copy.pages");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("copy-order.process", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct

            var order = result.Message.Value;
            _pages.Record(order.Pages, new KeyValuePair<string, object?>("powerarchive.copy.format", order.Format)); // clean precision-about
            _pages.Record(order.Pages, new KeyValuePair<string, object?>("powerarchive.reader", order.ReaderTicket)); // leak TC1003 direct
            logger.LogInformation("Copy order {OrderId}: {Pages} pages of {Reference} as {Format}", order.OrderId, order.Pages, order.Reference, order.Format); // clean precision-names
            logger.LogDebug("Copy order {Order}", order); // leak TC1001 logging-objects

            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(order.ReaderTicket))[0] % 4;
            activity?.SetTag("powerarchive.copy.shard", shard); // clean hashes

            try
            {
                var done = await studio.ProduceAsync(order, stoppingToken);
                logger.LogInformation("Copy order done {Done}", done); // clean logging-objects
                await studio.DeliverAsync(order.OrderId, order.DeliveryEmail, stoppingToken);
                activity?.SetTag("powerarchive.delivery.domain", order.DeliveryEmail.Split('@')[1]); // clean precision-about
                activity?.SetTag(PowerarchiveAttributes.Contact, order.DeliveryEmail); // leak TC1001 generated-api
            }
            catch (DocumentClosedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
            catch (ReaderTicketExpiredException ex)
            {
                activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName, ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            }

            consumer.Commit(result);
        }
    }
}
