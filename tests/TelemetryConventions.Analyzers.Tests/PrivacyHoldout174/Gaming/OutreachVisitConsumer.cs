namespace PrivacyHoldout174.Gaming;

/// <summary>Consumes home outreach visits (a player with a disability gets a console set up at home) from a topic keyed by the player's id.</summary>
public sealed partial class OutreachVisitConsumer(ILogger<OutreachVisitConsumer> logger, IConsumer<Guid, VisitSlot> consumer, Pseudonymizer pseudonymizer, Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Outreach");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var visit = result.Message.Value;
            using var activity = Source.StartActivity("outreach.visit", ActivityKind.Consumer);
            activity?.SetTag("messaging.message.key", result.Message.Key.ToString()); // leak TC1001 direct
            activity?.SetTag("messaging.partition", result.Partition); // clean precision-about
            activity?.SetTag("outreach.visit_id", visit.VisitId); // clean precision-about
            activity?.SetTag("outreach.minutes", visit.Minutes); // clean precision-about
            Scheduled(logger, visit.VisitId, pseudonymizer.PseudonymizeCarermodeClientId(visit.ClientId)); // clean precision-pseudonym
            ScheduledFor(logger, visit.VisitId, visit.ClientId); // leak TC1001 precision-names
            using (logger.BeginScope(new { visit.VisitId, visit.VisitType })) // clean logging-objects
            using (logger.BeginScope(new { visit.VisitId, Volunteer = visit.CarerId })) // leak TC1001 logging-objects
            {
                logger.LogInformation("Outreach visit scheduled for {Start}", visit.Start); // clean precision-about
            }
            CarermodeOperationDurationHistogram.For(meter).Record(visit.Minutes * 60.0, carermodeStudio: "north-studio"); // clean generated-api
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outreach visit {VisitId} for player {Player}")]
    private static partial void Scheduled(ILogger logger, string visitId, Pseudonym player);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outreach visit {VisitId} for player {Player}")]
    private static partial void ScheduledFor(ILogger logger, string visitId, string player);
}
