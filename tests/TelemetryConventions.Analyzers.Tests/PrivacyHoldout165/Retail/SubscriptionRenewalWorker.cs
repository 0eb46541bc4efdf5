namespace PrivacyHoldout165.Retail;

/// <summary>Renews family history site subscriptions (records access, tree hosting) each night and emails receipts.</summary>
public sealed class SubscriptionRenewalWorker(
    IQueueReceiver<FamilySubscription> due,
    ISubscriptionBilling billing,
    Pseudonymizer pseudonymizer,
    ILogger<SubscriptionRenewalWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Shop.Renewals");
    private readonly Counter<long> _renewals = meter.CreateCounter<long>("subscriptions.renewals");
    private readonly Dictionary<string, decimal> _declinedByEmail = new();
    private string _lastPlan = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var subscription = await due.ReceiveAsync(stoppingToken);
            if (subscription is null)
            {
                continue;
            }

            using var span = Source.StartDnakitOperation("subscriptions");
            var customer = pseudonymizer.PseudonymizeDnakitCustomerId(subscription.CustomerNumber);
            span.SetDnakitCustomerId(customer); // clean generated-api
            span.Activity?.SetTag("subscription.id", subscription.SubscriptionId); // clean precision-names
            span.Activity?.SetTag("subscription.plan", subscription.Plan); // clean precision-about
            using var scope = logger.BeginScope("Renewing {SubscriptionId} for {CustomerNumber}", subscription.SubscriptionId, subscription.CustomerNumber); // leak TC1001 direct
            using var pseudoScope = logger.BeginScope("Renewing for {Customer}", customer); // clean precision-pseudonym
            try
            {
                var receipt = await billing.RenewAsync(subscription, stoppingToken);
                logger.LogInformation("Renewed {@Receipt}", receipt); // clean logging-objects
                _renewals.Add(1, new KeyValuePair<string, object?>("plan", receipt.Plan)); // clean precision-about
                _renewals.Add(1, new KeyValuePair<string, object?>("customer", customer.Value)); // leak TC1003 precision-pseudonym
                _lastPlan = receipt.Plan;
            }
            catch (CardDeclinedException ex)
            {
                _declinedByEmail[subscription.Email] = 0m;
                logger.LogWarning(ex, "Card declined for {Subscription}", subscription.SubscriptionId); // clean exceptions
                span.SetDnakitNote(ex.Message); // clean exceptions
                span.Activity?.SetTag("subscription.owner", subscription); // leak TC1001 logging-objects
            }
        }
    }

    public void Summarise()
    {
        logger.LogWarning("Declined: {Emails}", string.Join(";", _declinedByEmail.Keys)); // leak TC1001 cross-member
        logger.LogInformation("Declined: {Count}; last plan renewed {Plan}", _declinedByEmail.Count, _lastPlan); // clean cross-member
    }
}
