namespace PrivacyHoldout115.Retail;

public sealed record ExposureMessage(string ExperimentKey, string Variant, string CustomerNumber, string Channel, DateTimeOffset At);

public sealed class ExposureRejectedException(string customerNumber, string experimentKey)
    : Exception($"Exposure of {customerNumber} to {experimentKey} arrived after the experiment closed")
{
    public string ExperimentKey { get; } = experimentKey;
}

/// <summary>
/// Consumes the storefront's exposure events (topic keyed by customer number) and checks them against
/// the experiment registry before the analysts' pipeline reads them.
/// </summary>
public sealed class ExposureEventConsumer(IConsumer<string, ExposureMessage> consumer, IReadOnlySet<string> openExperiments, Pseudonymizer pseudonymizer, ILogger<ExposureEventConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Experiments.Exposures");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("exposure.consume");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean direct
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            var exposure = result.Message.Value;
            try
            {
                if (!openExperiments.Contains(exposure.ExperimentKey))
                {
                    throw new ExposureRejectedException(exposure.CustomerNumber, exposure.ExperimentKey);
                }
                activity?.AddShopflagExposureEvent(exposure.ExperimentKey, exposure.Variant, pseudonymizer.PseudonymizeShopflagSubjectId(exposure.CustomerNumber)); // clean precision-pseudonym
                activity?.SetTag("exposure.channel", exposure.Channel); // clean precision-names
                logger.LogDebug("Exposure {Exposure}", exposure); // leak TC1001 logging-objects
            }
            catch (ExposureRejectedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Late exposure for {Experiment} dropped", ex.ExperimentKey); // clean exceptions
                logger.LogDebug("Late exposure: " + ex.Message); // leak TC1001 exceptions
            }
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }
}
