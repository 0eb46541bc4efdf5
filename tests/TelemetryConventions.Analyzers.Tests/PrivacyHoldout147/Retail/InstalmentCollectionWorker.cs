namespace PrivacyHoldout147.Retail;

/// <summary>A due instalment with the card it is collected from.</summary>
public sealed record DueInstalment(Instalment Instalment, string CustomerNumber, string CardPan, bool VulnerableFlag);

/// <summary>Collects pay-later instalments; pauses collection for customers flagged vulnerable and hands missed ones to collections.</summary>
public sealed class InstalmentCollectionWorker(
    IQueueReceiver<DueInstalment> queue,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InstalmentCollectionWorker> logger) : BackgroundService
{
    private readonly Counter<long> _paused = meter.CreateCounter<long>("bnpl.collections.paused");
    private readonly Dictionary<string, int> _missedByCustomer = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } due)
        {
            using var span = source.StartBnplOperation("homestore");
            span.SetBnplCustomerId(pseudonymizer.PseudonymizeBnplCustomerId(due.CustomerNumber)); // clean generated-api
            Activity.Current?.SetTag("bnpl.agreement_id", due.Instalment.AgreementId); // clean direct
            Activity.Current?.SetTag("bnpl.instalment", due.Instalment.Number); // clean direct
            logger.LogInformation("Collecting {@Instalment}", due.Instalment); // clean logging-objects
            logger.LogInformation("Collecting {Due}", due); // leak TC1001 logging-objects

            if (due.VulnerableFlag)
            {
                _paused.Add(1, new KeyValuePair<string, object?>("reason", "vulnerable")); // clean direct
                Activity.Current?.AddEvent(new ActivityEvent("bnpl.collection.paused", tags: new ActivityTagsCollection { ["customer"] = due.CustomerNumber })); // leak TC1001 direct
                Activity.Current?.AddEvent(new ActivityEvent("bnpl.collection.paused", tags: new ActivityTagsCollection { ["customer"] = pseudonymizer.ComputeBnplCustomerId(due.CustomerNumber) })); // clean precision-pseudonym
                continue;
            }

            if (due.Instalment.Status == "missed")
            {
                _missedByCustomer[due.CustomerNumber] = _missedByCustomer.GetValueOrDefault(due.CustomerNumber) + 1;
                var limit = new AgreementLimitException(due.CustomerNumber, _missedByCustomer[due.CustomerNumber]);
                logger.LogBnplOperationFailedEvent("homestore", "missed", bnplNote: limit.Message); // leak TC1001 generated-api
                logger.LogBnplOperationFailedEvent("homestore", "missed", bnplNote: $"agreement {due.Instalment.AgreementId} instalment {due.Instalment.Number}"); // clean generated-api
            }

            var card = due.CardPan;
            Activity.Current?.SetTag("bnpl.card_last_four", card[^4..]); // clean precision-about
            Activity.Current?.SetTag("bnpl.card_mask", $"{card[..6]}******{card[^4..]}"); // clean strings
            Activity.Current?.SetTag("bnpl.card", card); // leak TC1001 direct
            Activity.Current?.SetTag("bnpl.card_key", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(card)))[..16]); // leak TC1002 hashes
            Activity.Current?.SetTag("bnpl.card_slot", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card))[0] % 32); // clean hashes
        }

        logger.LogInformation("Customers with missed instalments: {Customers}", _missedByCustomer.Keys); // leak TC1001 cross-member
        logger.LogInformation("Missed instalments: {Missed}", _missedByCustomer.Values.Sum()); // clean cross-member
    }
}
