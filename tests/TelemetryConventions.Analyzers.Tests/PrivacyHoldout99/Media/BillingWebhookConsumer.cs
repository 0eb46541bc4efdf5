namespace PrivacyHoldout99.Media;

/// <summary>Reads the provider's billing events from the queue the webhook endpoint writes to.</summary>
public sealed class BillingWebhookConsumer(
    IQueueReceiver<WebhookEvent> queue,
    ICustomerClient customers,
    Pseudonymizer pseudonymizer,
    ILogger<BillingWebhookConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Billing.Events");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var evt = await queue.ReceiveAsync(stoppingToken);
            if (evt is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("billing.event", ActivityKind.Consumer);
            activity?.SetTag("event.id", evt.Id); // clean precision-names
            activity?.SetTag("event.type", evt.Type);
            activity?.SetTag("event.request_id", evt.RequestId); // clean precision-names
            activity?.SetTag("event.created", evt.Created.ToString("O")); // clean strings
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["EventId"] = evt.Id, ["EventType"] = evt.Type });

            switch (evt.Type)
            {
                case "customer.updated":
                    var customer = evt.As<Customer>();
                    logger.LogInformation("Customer {CustomerId} updated", customer.Id); // leak TC1001 direct
                    logger.LogDebug("Updated fields {Fields}", evt.Data.GetProperty("previous_attributes").EnumerateObject().Select(p => p.Name).ToList()); // clean precision-about
                    logger.LogDebug("Previous attributes {Previous}", evt.Data.GetProperty("previous_attributes").GetRawText()); // leak TC1001 strings
                    var subscriberId = customer.Metadata["subscriber_id"];
                    activity?.SetTag("mediapay.subscriber.id", pseudonymizer.ComputeMediapaySubscriberId(subscriberId)); // clean precision-pseudonym
                    activity?.SetTag("customer.metadata.count", customer.Metadata.Count);
                    break;

                case "invoice.payment_failed":
                    var invoice = evt.As<Invoice>();
                    activity?.SetTag("invoice.number", invoice.Number); // clean precision-names
                    activity?.SetTag("invoice.attempt_count", invoice.AttemptCount); // clean precision-about
                    activity?.SetTag("invoice.next_attempt", invoice.NextPaymentAttempt);
                    activity?.SetTag("invoice.customer_email", invoice.CustomerEmail); // leak TC1001 direct
                    logger.LogMediapayPaymentFailedEvent(invoice.Id, "payment_failed", null, null, $"attempt {invoice.AttemptCount} for {invoice.CustomerId}"); // leak TC1001 generated-api
                    break;

                case "charge.refunded":
                    var charge = evt.As<Charge>();
                    activity?.SetTag("refund.amount", charge.AmountRefunded); // clean precision-about
                    activity?.SetTag("refund.wallet", charge.Card?.Wallet?.Type);
                    activity?.SetTag("refund.wallet.dynamic_last4", charge.Card?.Wallet?.DynamicLast4); // clean precision-about
                    logger.LogInformation("Refund on {ChargeId} to {Email}", charge.Id, charge.ReceiptEmail); // leak TC1001 direct
                    break;

                case "customer.deleted":
                    try
                    {
                        await customers.GetAsync(evt.Data.GetProperty("id").GetString()!, stoppingToken);
                    }
                    catch (ResourceMissingException ex)
                    {
                        activity?.AddException(ex); // leak TC1001 exceptions
                        logger.LogInformation("Deleted customer already gone ({Code})", ex.Code); // clean exceptions
                    }
                    break;
            }
        }
    }
}
