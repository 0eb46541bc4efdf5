namespace PrivacyHoldout186.Gaming;

public sealed record ShuttleBoarding(string ShuttleId, string PassId, string PlayerId, string Gamertag, DateTimeOffset BoardedAt);

/// <summary>Counts shuttle boardings scanned at the venue doors.</summary>
public sealed class ShuttleBoardingWorker(IQueueReceiver<ShuttleBoarding> queue, Pseudonymizer pseudonymizer, ILogger<ShuttleBoardingWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Publisher.Shuttles");
    private static readonly Meter Meter = new("Publisher.Shuttles");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var manifest = new ShuttleManifest("SH-1", "VEN-LDN-1", 52, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            var boarding = await queue.ReceiveAsync(stoppingToken);
            if (boarding is null)
            {
                continue;
            }

            manifest = manifest with { Booked = manifest.Booked + 1 };
            var scan = $"{boarding.ShuttleId}:{boarding.PassId}:{boarding.Gamertag}";
            using var activity = Source.StartActivity("shuttle.board");
            activity?.SetTag("shuttle.id", boarding.ShuttleId); // clean precision-names
            activity?.SetTag("shuttle.booked", manifest.Booked); // clean precision-about
            activity?.SetTag("shuttle.scan", scan); // leak TC1001 strings
            activity?.SetTag("shuttle.scan.pass", $"{boarding.ShuttleId}:{boarding.PassId}"); // clean strings
            logger.LogInformation("Manifest {@Manifest}", manifest); // clean logging-objects
            logger.LogInformation("Boarding {Boarding}", boarding); // leak TC1001 logging-objects
            logger.LogInformation("Boarding {@Boarding}", boarding with { PlayerId = "-", Gamertag = "-" }); // clean logging-objects
            Meter.CreateQuestpassOperationsCounter().Add(1, boarding.ShuttleId, "boarded"); // clean generated-api
            Meter.CreateQuestpassOperationsCounter().Add(1, boarding.ShuttleId, pseudonymizer.ComputeQuestpassClientId(boarding.PlayerId)); // leak TC1003 precision-pseudonym
            logger.LogQuestpassOperationFailedEvent(boarding.ShuttleId, "late", pseudonymizer.PseudonymizeQuestpassClientId(boarding.PlayerId), $"boarded at {boarding.BoardedAt:t}"); // clean generated-api
        }
    }
}
