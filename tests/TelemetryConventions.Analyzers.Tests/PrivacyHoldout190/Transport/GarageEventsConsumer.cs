namespace PrivacyHoldout190.Transport;

/// <summary>Reads garage-door events from the topic keyed by the recipient's garage door serial.</summary>
public sealed class GarageEventsConsumer(IConsumer<string, GarageDoorCheck> consumer, ILogger<GarageEventsConsumer> logger, Pseudonymizer pseudonymizer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var scope = logger.BeginScope(new Dictionary<string, object> { ["Topic"] = result.Topic, ["Key"] = result.Message.Key }); // leak TC1001 logging-objects
            logger.LogInformation("Garage event at offset {Offset} on {Topic}", result.Offset, result.Topic); // clean precision-names
            logger.LogInformation("Garage event for recipient {Recipient}", result.Message.Value.RecipientId); // leak TC1001 direct
            logger.LogInformation("Garage event for recipient {Recipient}", pseudonymizer.ComputeKeydropClientId(result.Message.Value.RecipientId)); // clean precision-pseudonym
            Activity.Current?.SetTag("garage.headers", string.Join(";", result.Message.Headers.Select(h => $"{h.Key}={h.Value}"))); // clean strings
            Activity.Current?.SetTag("garage.event", $"{result.Message.Key}:{result.Message.Value.Closed}"); // leak TC1001 strings
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
