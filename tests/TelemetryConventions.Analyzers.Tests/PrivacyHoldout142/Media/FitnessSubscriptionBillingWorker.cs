namespace PrivacyHoldout142.Media;

/// <summary>
/// A fitness add-on billing event from the <c>subscriptions.fitness</c> topic, keyed by the subscriber's id. Prints
/// subscriber id, kind, plan, amount, currency, country, the pause end, the cancellation reason code and the comment
/// the subscriber typed in the cancellation survey.
/// </summary>
public sealed record AddOnBillingEvent(Guid SubscriberId, string Kind, string Plan, decimal Amount, string Currency, string Country, DateOnly? PauseUntil, string? CancelReasonCode, string? CancelComment);

/// <summary>Follows the fitness add-on's pauses, cancellations and failed charges.</summary>
public sealed class FitnessSubscriptionBillingWorker(
    IConsumer<string, AddOnBillingEvent> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FitnessSubscriptionBillingWorker> logger) : BackgroundService
{
    private readonly Counter<long> _events = meter.CreateCounter<long>("streamfit.addon.events", "{event}");
    private readonly Dictionary<string, string> _pausedUntil = new(StringComparer.Ordinal);
    private Guid _lastCanceller;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var billing = result.Message.Value;
            using var span = source.StartStreamfitOperation("addon-billing");
            Activity.Current?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("streamfit.billing.country", billing.Country); // clean precision-about
            _events.Add(1, new KeyValuePair<string, object?>("kind", billing.Kind), new("plan", billing.Plan)); // clean precision-names
            switch (billing.Kind)
            {
                case "pause":
                    _pausedUntil[billing.SubscriberId.ToString()] = billing.PauseUntil?.ToString("O", CultureInfo.InvariantCulture) ?? "open";
                    logger.LogInformation("Add-on paused until {PauseUntil}", billing.PauseUntil); // clean precision-about
                    break;
                case "cancel":
                    _lastCanceller = billing.SubscriberId;
                    logger.LogInformation("Add-on cancelled: {ReasonCode}", billing.CancelReasonCode); // clean precision-about
                    logger.LogInformation("Cancellation survey: {Comment}", billing.CancelComment); // leak TC1001 direct
                    span.SetStreamfitNote($"cancel reason {billing.CancelReasonCode}, comment of {billing.CancelComment?.Length ?? 0} chars"); // clean generated-api
                    break;
                case "charge-failed":
                    logger.LogWarning("Charge failed {Event}", billing); // leak TC1001 logging-objects
                    logger.LogWarning("Charge of {Amount} {Currency} failed on plan {Plan}", billing.Amount, billing.Currency, billing.Plan); // clean precision-about
                    logger.LogStreamfitOperationFailedEvent("addon-billing", "charge-failed", streamfitSubscriberId: pseudonymizer.PseudonymizeStreamfitSubscriberId(billing.SubscriberId.ToString())); // clean generated-api
                    var retryLane = HMACSHA256.HashData(secrets.ShardKey, billing.SubscriberId.ToByteArray())[0] % 6;
                    _events.Add(1, new KeyValuePair<string, object?>("retry_lane", retryLane)); // clean hashes
                    break;
            }

            consumer.Commit(result);
        }
    }

    public void ReportPauses()
    {
        logger.LogInformation("Paused add-ons: {Count}, until {Until}", _pausedUntil.Count, _pausedUntil.Values.Distinct()); // clean precision-about
        logger.LogInformation("Paused add-ons {Paused}", _pausedUntil); // leak TC1001 cross-member
        Activity.Current?.SetTag("streamfit.last.canceller", _lastCanceller); // leak TC1001 cross-member
        Activity.Current?.SetTag("streamfit.last.canceller.hash", _lastCanceller.GetHashCode()); // leak TC1002 hashes
    }
}
