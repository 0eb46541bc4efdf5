namespace PrivacyHoldout177.Media;

/// <summary>Consumes failed renewals (a topic keyed by subscriber id), downgrades plans and passes old arrears to the debt purchaser.</summary>
public sealed partial class SubscriptionArrearsConsumer(
    IConsumer<string, SubscriptionArrears> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<SubscriptionArrearsConsumer> logger,
    CollectionsOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.Subscriptions.Arrears");
    private static readonly Meter Meter = new("Broadcaster.Subscriptions.Arrears");
    private static readonly Counter<long> Downgrades = Meter.CreateCounter<long>("subscriptions.downgrades");
    private readonly LicencearrearsOperationsCounter _operations = Meter.CreateLicencearrearsOperationsCounter();
    private readonly LicencearrearsOperationDurationHistogram _duration = Meter.CreateLicencearrearsOperationDurationHistogram();

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
            var arrears = result.Message.Value;
            using var span = Source.StartLicencearrearsOperation(arrears.Plan);
            span.SetLicencearrearsDebtorId(pseudonymizer.PseudonymizeLicencearrearsDebtorId(result.Message.Key)); // clean precision-pseudonym
            span.Activity?.SetTag("messaging.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("subscription.plan", arrears.Plan); // clean precision-names
            span.Activity?.SetTag("subscription.owed", arrears.Owed); // clean precision-about
            span.Activity?.SetTag("subscription.postcode", arrears.Postcode); // leak TC1001 direct
            span.Activity?.SetTag("subscription.postcode_district", arrears.Postcode.Split(' ')[0]); // clean precision-about
            span.Activity?.SetTag("subscription.holder", arrears.HolderName); // leak TC1001 direct
            Downgrades.Add(1, new KeyValuePair<string, object?>("plan", arrears.Plan)); // clean precision-names
            Downgrades.Add(1, new KeyValuePair<string, object?>("subscriber", result.Message.Key)); // leak TC1003 direct
            _operations.Add(1, arrears.Plan, "downgraded"); // clean generated-api
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, arrears.Plan); // clean generated-api
            logger.LogInformation("Arrears {Arrears}", arrears); // leak TC1001 logging-objects
            logger.LogInformation("Arrears {Owed} on plan {Plan}", arrears.Owed, arrears.Plan); // clean precision-about
            Downgraded(logger, arrears.SubscriberId, arrears.Plan); // clean logging-objects
            var letter = new StringBuilder("Dear ").Append(arrears.HolderName).Append(", your plan has been downgraded").ToString();
            logger.LogDebug("Letter text {Letter}", letter); // leak TC1001 strings
            logger.LogDebug("Letter template {TemplateId}", options.ArrearsLetterTemplateId); // clean precision-names
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} downgraded from {Plan}")]
    private static partial void Downgraded(ILogger logger, [PrivateData] string subscriberId, string plan);
}
