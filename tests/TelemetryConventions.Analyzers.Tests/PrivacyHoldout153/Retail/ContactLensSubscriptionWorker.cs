namespace PrivacyHoldout153.Retail;

/// <summary>Ships contact lens subscriptions each month, holding those whose lens prescription has expired.</summary>
public sealed partial class ContactLensSubscriptionWorker(
    IQueueReceiver<LensSubscription> due,
    ILensSupplier supplier,
    ICustomerStore customers,
    Pseudonymizer pseudonymizer,
    ILogger<ContactLensSubscriptionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HighStreet.Shop.Lenses");
    private static readonly Meter Meter = new("HighStreet.Shop.Lenses");
    private static readonly Counter<long> Shipments = Meter.CreateCounter<long>("shop.lens.shipments");

    private readonly List<string> _held = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var subscription = await due.ReceiveAsync(stoppingToken);
            if (subscription is null)
            {
                continue;
            }

            using var span = Source.StartPharmacyshopOperation("lenses-online");
            span.SetPharmacyshopCategory("contact-lenses"); // clean precision-about
            Activity.Current?.SetTag("shop.lens.brand", subscription.Brand); // clean precision-about
            Activity.Current?.SetTag("shop.lens.power.right", subscription.RightPower); // clean precision-about
            Activity.Current?.SetTag("shop.lens.subscription", subscription.SubscriptionNumber); // leak TC1001 direct
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubscriptionNumber"] = subscription.SubscriptionNumber }); // leak TC1001 direct

            try
            {
                if (subscription.PrescriptionExpiry < DateOnly.FromDateTime(DateTime.UtcNow))
                {
                    throw new PrescriptionExpiredException(subscription.SubscriptionNumber);
                }
                var consignment = await supplier.ShipAsync(subscription, stoppingToken);
                logger.LogInformation("Shipped consignment {Consignment} ({Brand})", consignment, subscription.Brand); // clean precision-names
                Shipments.Add(1, new KeyValuePair<string, object?>("shop.lens.brand", subscription.Brand)); // clean precision-about
            }
            catch (PrescriptionExpiredException ex)
            {
                _held.Add(subscription.SubscriptionNumber);
                span.RecordException(ex); // clean exceptions
                span.SetPharmacyshopOutcome("rx-expired"); // clean exceptions
                logger.LogWarning(ex, "Held subscription"); // leak TC1001 exceptions
                var customer = await customers.FindAsync(subscription.CustomerNumber, stoppingToken);
                if (customer is not null)
                {
                    LogReminderDue(logger, customer.Email, customer.Name); // leak TC1001 logging-objects
                    logger.LogInformation("Expiry reminder due for {Customer}", pseudonymizer.PseudonymizePharmacyshopCustomerId(customer.CustomerNumber)); // clean precision-pseudonym
                }
            }
            catch (OutOfStockException ex)
            {
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
        }
    }

    public void Report(Activity? activity)
    {
        activity?.SetTag("shop.lens.held", _held.Count); // clean cross-member
        activity?.SetTag("shop.lens.held_list", string.Join(";", _held)); // leak TC1001 cross-member
        _held.Clear();
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Prescription reminder for {Email} ({Name})")]
    private static partial void LogReminderDue(ILogger logger, string email, [PrivateData] string name);
}
