namespace PrivacyHoldout121.Media;

/// <summary>A returned disc scanned at the hub. The topic is keyed by the disc's barcode.</summary>
public sealed record DiscReturnScan(string DiscBarcode, string Hub, DateTimeOffset ScannedAt, Guid SubscriberId, bool Damaged);

/// <summary>Consumes return scans from the hub, closes the rental and releases the next disc.</summary>
public sealed class DiscReturnsConsumer(IConsumer<string, DiscReturnScan> consumer, Pseudonymizer pseudonymizer, ILogger<DiscReturnsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rental.Discs.Returns");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("disc.return");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("disc.hub", result.Message.Value.Hub); // clean precision-names
            activity?.SetTag("disc.damaged", result.Message.Value.Damaged); // clean precision-about
            logger.LogInformation("Return scan {Scan}", result.Message.Value); // leak TC1001 logging-objects
            using (logger.BeginScope("Subscriber {Subscriber}", pseudonymizer.ComputeDiscpostRecipientId(result.Message.Value.SubscriberId.ToString()))) // clean precision-pseudonym
            {
                if (result.Message.Value.Damaged)
                {
                    logger.LogDiscpostDeliveryFailedEvent(result.Message.Key, "damaged", null, $"disc damaged, charge subscriber {result.Message.Value.SubscriberId}"); // leak TC1001 generated-api
                }
            }

            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }
}
