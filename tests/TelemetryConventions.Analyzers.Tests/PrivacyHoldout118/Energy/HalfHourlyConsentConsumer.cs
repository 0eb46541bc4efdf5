namespace PrivacyHoldout118.Energy;

/// <summary>
/// Consumes choices about half-hourly reads (daily, monthly or half-hourly collection) from the smart app.
/// The topic is keyed by the meter serial, so every choice for one meter lands on one partition.
/// </summary>
public sealed class HalfHourlyConsentConsumer(
    IConsumer<string, PreferenceUpdate> consumer,
    IConsentLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<HalfHourlyConsentConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Privacy.ReadConsent");
    private static readonly Meter Meter = new("Supplier.Privacy.ReadConsent");
    private static readonly Counter<long> Choices = Meter.CreateCounter<long>("endsr.read.frequency.choices");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var update = result.Message.Value;
            using var span = Source.StartEndsrRequest($"{result.Topic}:{result.Partition}:{result.Offset}", "consent");
            span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.SetEndsrConsentPurpose(update.Topic).SetEndsrOutcome(update.OptedIn ? "granted" : "withdrawn"); // clean generated-api
            span.SetEndsrSubjectId(pseudonymizer.PseudonymizeEndsrSubjectId(update.SubjectKey)); // clean precision-pseudonym
            span.Activity?.SetTag("endsr.consent.subject", update.SubjectKey); // leak TC1001 cross-member
            logger.LogInformation("Read frequency choice {Update}", update); // leak TC1001 logging-objects
            logger.LogInformation("Read frequency {Topic} via {Channel} from {Source}", update.Topic, update.Channel, update.Source); // clean precision-names
            Choices.Add(1, new KeyValuePair<string, object?>("frequency", update.Topic), new KeyValuePair<string, object?>("source", update.Source)); // clean precision-names
            Choices.Add(1, new KeyValuePair<string, object?>("meter", result.Message.Key)); // leak TC1003 direct

            var receipt = new ConsentReceipt(Guid.NewGuid(), update.SubjectKey, "smart-2024", new[] { new PurposeConsent($"reads-{update.Topic}", update.OptedIn, "consent") }, DateTimeOffset.UtcNow, update.Source);
            await ledger.AppendAsync(receipt, stoppingToken);
            span.Activity?.SetTag("endsr.consent.receipt", receipt.ReceiptId.ToString()); // clean precision-names
            span.Activity?.SetTag("endsr.meter.bucket", MD5.HashData(Encoding.UTF8.GetBytes(result.Message.Key))[0]); // leak TC1002 hashes
            consumer.Commit(result);
        }
    }
}
