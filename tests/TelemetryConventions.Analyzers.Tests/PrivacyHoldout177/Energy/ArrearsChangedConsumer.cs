namespace PrivacyHoldout177.Energy;

/// <summary>Consumes the billing platform's arrears topic (keyed by account number) and moves accounts along the collection path.</summary>
public sealed partial class ArrearsChangedConsumer(
    IConsumer<string, ArrearsChanged> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ArrearsChangedConsumer> logger,
    CollectionsOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Collections.Arrears");
    private static readonly Meter Meter = new("Supplier.Collections.Arrears");
    private static readonly Counter<long> StageMoves = Meter.CreateCounter<long>("collections.stage.moves");
    private readonly SupplyarrearsOperationsCounter _operations = Meter.CreateSupplyarrearsOperationsCounter();
    private readonly SupplyarrearsOperationDurationHistogram _duration = Meter.CreateSupplyarrearsOperationDurationHistogram();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            var change = result.Message.Value;
            using var span = Source.StartSupplyarrearsOperation(change.Region);
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            span.Activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            span.SetSupplyarrearsDebtorId(pseudonymizer.PseudonymizeSupplyarrearsDebtorId(change.AccountNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("arrears.amount", change.Arrears); // clean precision-about
            span.Activity?.SetTag("arrears.days", change.DaysInArrears); // clean precision-about
            span.Activity?.SetTag("meter.serial", change.MeterSerial); // leak TC1001 direct
            span.Activity?.SetTag("meter.model", change.MeterSerial[..3]); // clean precision-about

            var stage = change.DaysInArrears < 14 ? "reminder" : change.DaysInArrears < options.FinalNoticeDays ? "final_notice" : "plan";
            span.SetSupplyarrearsStage(stage); // clean precision-about
            StageMoves.Add(1, new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("region", change.Region)); // clean precision-about
            StageMoves.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.PseudonymizeSupplyarrearsDebtorId(change.AccountNumber).Value)); // leak TC1003 precision-pseudonym
            _operations.Add(1, change.Region, stage); // clean generated-api
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, change.Region); // clean generated-api

            var partitionKey = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(change.AccountNumber)))[..6];
            logger.LogDebug("Routed to {PartitionKey}", partitionKey); // clean hashes
            var legacyKey = new Guid(SHA1.HashData(Encoding.UTF8.GetBytes(change.AccountNumber))[..16]);
            logger.LogDebug("Legacy CRM key {LegacyKey}", legacyKey); // leak TC1002 hashes

            logger.LogInformation("Arrears changed {@Change}", change); // leak TC1001 logging-objects
            StageMoved(logger, change.AccountNumber, stage); // clean logging-objects
            logger.LogInformation("Account {Account} moved to {Stage}", change.AccountNumber, stage); // leak TC1001 direct
            Baggage.SetBaggage("arrears.account", change.AccountNumber); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("arrears." + stage)); // clean precision-about
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountNumber} moved to {Stage}")]
    private static partial void StageMoved(ILogger logger, [PrivateData] string accountNumber, string stage);
}
