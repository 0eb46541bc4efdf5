namespace PrivacyHoldout133.Transport;

/// <summary>Consumes volunteer drivers' availability changes; the topic is keyed by the driver's id.</summary>
public sealed record AvailabilityChange(string DriverId, string Depot, DateOnly Day, bool Available, string? Reason);

public sealed class DriverRotaConsumer(IConsumer<string, string> consumer, IRotaClient rota, Pseudonymizer pseudonymizer, ILogger<DriverRotaConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.CommunityTransport.Rota");
    private static readonly Meter Meter = new("Transit.CommunityTransport.Rota");
    private static readonly UpDownCounter<int> Available = Meter.CreateUpDownCounter<int>("transit.ct.drivers.available");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var change = JsonSerializer.Deserialize<AvailabilityChange>(result.Message.Value)!;
            using var span = Source.StartCtvolTask(ctvolProgramme: "dial-a-ride");
            span.SetCtvolSite(change.Depot); // clean precision-about
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            span.Activity?.SetTag("messaging.kafka.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.key.pseudonym", pseudonymizer.ComputeCtvolDriverId(result.Message.Key)); // clean precision-pseudonym
            span.Activity?.SetTag("availability.reason", change.Reason); // leak TC1001 direct
            span.Activity?.SetTag("availability.reason.given", change.Reason is not null); // clean precision-about
            Available.Add(change.Available ? 1 : -1, new KeyValuePair<string, object?>("depot", change.Depot)); // clean precision-about
            logger.LogInformation("Availability change {Change}", change); // leak TC1001 logging-objects

            if (!change.Available)
            {
                try
                {
                    await rota.CancelAsync($"{change.Depot}:{change.Day:yyyyMMdd}", change.DriverId, stoppingToken);
                }
                catch (KeyNotFoundException ex)
                {
                    logger.LogWarning(ex, "No rota entry for depot {Depot} on {Day}", change.Depot, change.Day); // clean exceptions
                }
            }

            TelemetryMetrics.CreateCtvolTaskDurationHistogram(Meter).Record(0.1, ctvolProgramme: "dial-a-ride", ctvolSite: change.Depot); // clean generated-api
            consumer.Commit(result);
        }
    }
}
