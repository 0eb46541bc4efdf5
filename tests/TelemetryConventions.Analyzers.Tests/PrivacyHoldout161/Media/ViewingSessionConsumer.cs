namespace PrivacyHoldout161.Media;

/// <summary>Reads the aircraft's viewing sessions off the ground link and counts minutes per title.</summary>
public sealed class ViewingSessionConsumer(IConsumer<string, ViewingSession> consumer, ILogger<ViewingSessionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Airline.Ife.Viewing");
    private static readonly Meter Meter = new("Airline.Ife.Viewing");
    private static readonly Counter<long> Minutes = Meter.CreateCounter<long>("ife.minutes");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var session = result.Message.Value;
            using var span = Source.StartInflightOperation("G-EUXC");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            Activity.Current?.SetTag("ife.session", session.SessionId); // clean precision-names
            Activity.Current?.SetTag("ife.title", session.TitleId); // clean precision-names
            Activity.Current?.SetTag("ife.seat", session.Seat); // clean precision-names
            logger.LogDebug("Viewing session {@Session}", session); // clean logging-objects
            Minutes.Add(session.Minutes, new KeyValuePair<string, object?>("ife.title", session.TitleId), new KeyValuePair<string, object?>("ife.flight", session.FlightNumber)); // clean precision-names
            span.SetInflightItemCount(session.Minutes); // clean generated-api
            try
            {
                if (session.TitleId.StartsWith("X", StringComparison.Ordinal))
                {
                    throw new TitleNotLicensedException(session.TitleId, "APAC");
                }
            }
            catch (TitleNotLicensedException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogInflightOperationFailedEvent("G-EUXC", "unlicensed", inflightNote: ex.Message); // clean exceptions
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
