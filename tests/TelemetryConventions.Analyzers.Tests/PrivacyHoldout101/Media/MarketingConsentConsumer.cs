namespace PrivacyHoldout101.Media;

/// <summary>A consent or erasure event from the preference centre's topic, keyed by the subscriber's id.</summary>
public sealed record PreferenceEvent(string Kind, string SubscriberId, string Email, string Purpose, bool Granted, string? RequestId);

/// <summary>Applies marketing consent changes and erasure requests from the preference centre.</summary>
public sealed class MarketingConsentConsumer(
    IConsumer<string, PreferenceEvent> consumer,
    IConsentLedger ledger,
    IErasureFanOut erasure,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<MarketingConsentConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            using var span = source.StartViewacctFlow(result.Message.Value.Kind);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
            Activity.Current?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            Activity.Current?.SetTag("messaging.destination.partition.id", result.Partition); // clean precision-names
            var evt = result.Message.Value;
            if (evt.Kind == "consent")
            {
                var record = await ledger.RecordAsync(evt.SubscriberId, evt.Purpose, evt.Granted, "preference-centre", stoppingToken);
                span.SetViewacctRequestId(record.ConsentId.ToString()).SetViewacctSubscriberId(pseudonymizer.PseudonymizeViewacctSubscriberId(evt.SubscriberId)); // clean precision-pseudonym
                logger.LogInformation("Marketing consent {Purpose} {Decision}", evt.Purpose, evt.Granted ? "granted" : "withdrawn"); // clean precision-about
            }
            else
            {
                var request = new ErasureRequest(evt.RequestId ?? Guid.NewGuid().ToString(), evt.SubscriberId, evt.Email, DateTimeOffset.UtcNow);
                logger.LogInformation("Erasure event {Event}", evt); // leak TC1001 logging-objects
                try
                {
                    var receipts = await erasure.EraseAsync(request, stoppingToken);
                    span.SetViewacctOutcome("erased").SetViewacctNote(string.Join(";", receipts.Select(r => $"{r.System}={r.RowsDeleted}"))); // clean generated-api
                }
                catch (ErasureDeferredException ex)
                {
                    logger.LogWarning(ex, "Erasure {RequestId} deferred", ex.RequestId); // clean exceptions
                    Activity.Current?.AddViewacctFlowFailedEvent("erasure", "deferred", viewacctNote: $"{request.RequestId} for {request.ContactEmail}"); // leak TC1001 generated-api
                }
            }
            consumer.Commit(result);
        }
    }
}
