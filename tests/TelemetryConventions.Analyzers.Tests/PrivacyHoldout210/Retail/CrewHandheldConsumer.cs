using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Retail;

/// <summary>A crew handheld's scan at the door, keyed by the customer's id on the topic.</summary>
public sealed record DoorScan(string OrderId, string CustomerId, string SignatureName, string RunId, bool OldItemCollected, int Minutes);

public sealed class CrewHandheldConsumer(IConsumer<string, DoorScan> consumer, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CrewHandheldConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retailer.CrewHandheld");
    private static readonly Histogram<int> DoorMinutes = new Meter("Retailer.CrewHandheld").CreateHistogram<int>("crew.door.minutes");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (consumer.Consume(stoppingToken) is { } result)
        {
            var scan = result.Message.Value;
            using var activity = Source.StartActivity("crew.door");
            activity?.SetTag("messaging.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("crew.run.id", scan.RunId); // clean precision-names
            activity?.SetTag("crew.collected", scan.OldItemCollected); // clean precision-about
            activity?.SetTag("crew.signature", scan.SignatureName); // leak TC1001 direct
            DoorMinutes.Record(scan.Minutes, new KeyValuePair<string, object?>("run", scan.RunId)); // clean precision-names
            DoorMinutes.Record(scan.Minutes, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeTakebackResidentId(scan.CustomerId))); // leak TC1003 precision-pseudonym
            logger.LogInformation("Door {Customer} {Minutes}", pseudonymizer.PseudonymizeTakebackResidentId(scan.CustomerId), scan.Minutes); // clean precision-pseudonym
            var hash = HashCode.Combine(scan.CustomerId, scan.OrderId);
            logger.LogInformation("Door dedupe {Hash}", hash); // leak TC1002 hashes
            var keyed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(scan.CustomerId))[0] % 16;
            logger.LogInformation("Door shard {Shard}", keyed); // clean hashes
            logger.LogInformation("Door {@Scan}", scan); // leak TC1001 logging-objects
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
