namespace PrivacyHoldout151.Energy;

/// <summary>Reads the government's Warm Home Discount data-match results (the topic is keyed by the supplier's account number) and credits rebates.</summary>
public sealed class WarmHomeDiscountMatchConsumer(
    IConsumer<string, WarmHomeDiscountMatch> consumer,
    IBillingSystem billing,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    WelfareOptions options,
    ILogger<WarmHomeDiscountMatchConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _rebates = meter.CreateCounter<long>("whd.rebates");
    private int _batchSize;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var match = result.Message.Value;
            _batchSize++;
            using var span = source.StartWarmhomeOperation(options.Region);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            Activity.Current?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            span.SetWarmhomeAccountId(pseudonymizer.PseudonymizeWarmhomeAccountId(match.AccountNumber)); // clean precision-pseudonym
            span.SetWarmhomeClaimantId(pseudonymizer.PseudonymizeWarmhomeClaimantId(match.Nino)); // clean precision-pseudonym
            span.SetWarmhomeMatchCount(_batchSize); // clean precision-about
            Activity.Current?.SetTag("whd.core_group", match.CoreGroup); // clean precision-about
            Activity.Current?.SetTag("whd.mpan", match.Mpan); // leak TC1001 direct
            Activity.Current?.SetTag("whd.mpan.distributor", match.Mpan[..2]); // clean precision-about

            await billing.CreditAsync(match.AccountNumber, match.Rebate, "WHD", stoppingToken);
            _rebates.Add(1, new KeyValuePair<string, object?>("core_group", match.CoreGroup), new KeyValuePair<string, object?>("region", options.Region)); // clean precision-about
            meter.CreateWarmhomeMatchesCounter().Add(1, warmhomeRegion: options.Region, warmhomeOutcome: match.CoreGroup ? "core" : "broader"); // clean generated-api
            logger.LogInformation("Rebate {Rebate} credited for match {Match}", match.Rebate, match); // leak TC1001 logging-objects
            logger.LogInformation("Rebate {Rebate} credited to account {Account}", match.Rebate, pseudonymizer.ComputeWarmhomeAccountId(match.AccountNumber)); // clean precision-pseudonym
            logger.LogInformation("Rebate credited in postcode area {Area}", new string(match.Postcode.TakeWhile(char.IsLetter).ToArray())); // clean precision-about
            consumer.Commit(result);
        }
    }

    public void OnLateFile(MatchingFileLateException ex)
    {
        logger.LogWarning(ex, "Warm Home Discount matching file late"); // clean exceptions
        logger.LogWarmhomeOperationFailedEvent(options.Region, "file-late", warmhomeNote: ex.Message); // clean generated-api
    }
}
