namespace PrivacyHoldout202.Gaming;

public sealed record CollectionEvent(string PaymentId, string MandateId, string ProviderCustomerId, string Action, string? ReasonCode);

/// <summary>Direct debit collection events for the app's premium fitness subscription, from the provider's webhook queue.</summary>
public sealed class SubscriptionCollectionWorker(IQueueReceiver<CollectionEvent> queue, ILogger<SubscriptionCollectionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var evt = await queue.ReceiveAsync(stoppingToken);
            if (evt is null)
            {
                continue;
            }

            Activity.Current?.SetTag("payment.id", evt.PaymentId); // clean precision-names
            Activity.Current?.SetTag("mandate.id", evt.MandateId); // clean precision-names
            Activity.Current?.SetTag("payment.action", evt.Action); // clean precision-about
            Activity.Current?.SetTag("provider.customer_id", evt.ProviderCustomerId); // leak TC1001 direct
            logger.LogInformation("Collection event {Event}", evt); // leak TC1001 logging-objects
            logger.LogInformation("Collection event {PaymentId} {Action} {ReasonCode}", evt.PaymentId, evt.Action, evt.ReasonCode); // clean precision-names
            var summary = string.Join("|", evt.PaymentId, evt.MandateId, evt.Action);
            logger.LogDebug("Collection summary {Summary}", summary); // clean strings
            var customerLine = string.Concat("customer ", evt.ProviderCustomerId, " ", evt.Action);
            logger.LogDebug("Collection customer {Line}", customerLine); // leak TC1001 strings
            Activity.Current?.SetTag("payment.has_reason", evt.ReasonCode is not null); // clean precision-about
            if (evt.ReasonCode is not null)
            {
                var failure = new CollectionFailedException(evt.PaymentId, evt.ReasonCode);
                logger.LogWarning(failure, "Collection failed"); // clean exceptions
                Activity.Current?.AddException(failure); // clean exceptions
            }
        }
    }
}
