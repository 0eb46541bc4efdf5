using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Retail;

/// <summary>Ships monthly contact lens deliveries to subscribers, checking their prescription is still in date.</summary>
public sealed class LensSubscriptionWorker(
    IQueueReceiver<LensSubscription> queue,
    LensSupplierClient supplier,
    ILogger<LensSubscriptionWorker> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    CareOptions options) : BackgroundService
{
    private string? _lastExpired;
    private int _shipped;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var subscription = await queue.ReceiveAsync(stoppingToken);
            if (subscription is null)
            {
                logger.LogInformation("Shipped {Count}; last expired {Subscription}", _shipped, _lastExpired); // leak TC1001 cross-member
                logger.LogInformation("Shipped {Count} this run", _shipped); // clean cross-member
                continue;
            }

            using var span = source.StartLenscartOperation("fulfilment");
            var customer = pseudonymizer.PseudonymizeLenscartClientId(subscription.CustomerNumber);
            span.SetLenscartClientId(customer).SetLenscartMode("subscription"); // clean precision-pseudonym
            span.SetLenscartMinutes(subscription.BoxesPerDelivery); // clean generated-api
            var activity = Activity.Current;
            activity?.SetTag("lens.sku", subscription.Sku); // clean precision-about
            activity?.SetTag("lens.subscription", subscription.SubscriptionNumber); // leak TC1001 direct
            activity?.SetTag("lens.customer.email", subscription.Email); // leak TC1001 direct
            activity?.SetTag("lens.customer.email_domain", subscription.Email[(subscription.Email.IndexOf('@') + 1)..]); // clean precision-about

            try
            {
                if (subscription.BoxesPerDelivery == 0)
                {
                    throw new PrescriptionExpiredException(subscription.SubscriptionNumber);
                }

                var orderId = await supplier.PlaceOrderAsync(subscription, stoppingToken);
                _shipped++;
                logger.LogInformation("Order {@Order}", new LensOrder(orderId, subscription.Sku, subscription.BoxesPerDelivery, options.SupplierName)); // clean logging-objects
                activity?.SetTag("lens.order.id", orderId); // clean precision-names
            }
            catch (PrescriptionExpiredException ex)
            {
                _lastExpired = subscription.SubscriptionNumber;
                span.RecordException(ex); // clean exceptions
                span.SetLenscartOutcome(ex.Message); // leak TC1001 generated-api
                logger.LogWarning(ex, "Subscription paused"); // leak TC1001 exceptions
                activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            }
            catch (StockUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "Out of stock"); // clean exceptions
            }
        }
    }
}
