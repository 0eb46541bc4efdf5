namespace PrivacyHoldout146.Energy;

/// <summary>Reads Tell Us Once death notifications (the topic is keyed by the Tell Us Once reference) and matches them to accounts.</summary>
public sealed class DeathNotificationConsumer(
    IConsumer<string, DeathRegistration> consumer,
    IEstateAccounts accounts,
    ITellUsOnceGateway tellUsOnce,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<DeathNotificationConsumer> logger) : BackgroundService
{
    private static readonly Meter NotificationsMeter = new("Supplier.Bereavement.Notifications");
    private static readonly Counter<long> Notifications = NotificationsMeter.CreateCounter<long>("estates.notifications");

    private DeathRegistration? _lastUnmatched;
    private readonly HashSet<string> _unmatchedPostcodes = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                ReportUnmatched();
                continue;
            }

            using var span = source.StartEstatesOperation(options.Region);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            Activity.Current?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
            var registration = result.Message.Value;
            var account = await accounts.MatchAsync(registration.DeceasedName, registration.Postcode, stoppingToken);
            if (account is null)
            {
                _lastUnmatched = registration;
                _unmatchedPostcodes.Add(registration.Postcode);
                logger.LogWarning("No account for {DeceasedName} at {Postcode}", registration.DeceasedName, registration.Postcode); // leak TC1001 direct
                Notifications.Add(1, new KeyValuePair<string, object?>("matched", false), new KeyValuePair<string, object?>("region", options.Region)); // clean precision-about
                await tellUsOnce.AcknowledgeAsync(registration.TellUsOnceReference, matched: false, stoppingToken);
                consumer.Commit(result);
                continue;
            }

            span.SetEstatesAccountId(pseudonymizer.PseudonymizeEstatesAccountId(account.AccountNumber)).SetEstatesFuel(account.Fuel); // clean precision-pseudonym
            Activity.Current?.SetBaggage("estates.account", pseudonymizer.ComputeEstatesAccountId(account.AccountNumber)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("estates.ni_number", registration.NationalInsuranceNumber); // leak TC1001 direct
            Activity.Current?.SetTag("estates.days_to_notify", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - registration.DateOfDeath.DayNumber); // clean precision-about
            Activity.Current?.SetTag("estates.mpan_distributor", account.Mpan[..2]); // clean precision-about
            logger.LogInformation("Matched notification to account {AccountNumber} ({Fuel})", account.AccountNumber, account.Fuel); // leak TC1001 direct
            Notifications.Add(1, new KeyValuePair<string, object?>("account", account.AccountNumber)); // leak TC1003 direct
            meter.CreateEstatesClosuresCounter().Add(1, estatesRegion: options.Region, estatesOutcome: "notified"); // clean generated-api
            try
            {
                var receipt = await tellUsOnce.AcknowledgeAsync(registration.TellUsOnceReference, matched: true, stoppingToken);
                Activity.Current?.SetTag("estates.receipt", receipt.ToString()); // clean logging-objects
            }
            catch (GatewayRejectedException ex)
            {
                Activity.Current?.AddException(ex); // clean exceptions
                span.SetEstatesOutcome("gateway-" + ex.Status); // clean exceptions
            }

            consumer.Commit(result);
        }
    }

    private void ReportUnmatched()
    {
        logger.LogInformation("Last unmatched notification: {Registration}", _lastUnmatched); // leak TC1001 cross-member
        Activity.Current?.SetTag("estates.unmatched.postcodes", _unmatchedPostcodes.Count); // clean cross-member
        Activity.Current?.SetTag("estates.unmatched.informant", _lastUnmatched?.InformantPhone); // leak TC1001 cross-member
    }
}
