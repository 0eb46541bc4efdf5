namespace PrivacyHoldout209.Energy;

/// <summary>
/// An energy supplier's community sports fund: collects junior club subscriptions by direct debit from the
/// subscriptions topic (keyed by membership number) and pays kit grants to clubs.
/// </summary>
public sealed partial class ClubSubscriptionConsumer(
    IConsumer<string, ClubSubscription> consumer,
    IQueueReceiver<KitGrant> grants,
    IPaymentGateway payments,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ClubSubscriptionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout209.Energy.Subscriptions");
    private static readonly Meter Meter = new("PrivacyHoldout209.Energy.Subscriptions");
    private static readonly Counter<long> Collections = Meter.CreateCounter<long>("fund.subscriptions.collected");
    private static readonly Histogram<double> Amounts = Meter.CreateHistogram<double>("fund.subscriptions.amount");

    private readonly List<string> _declinedPayers = new();
    private decimal _collectedToday;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                await ReportDeclinesAsync();
                continue;
            }

            await CollectAsync(result, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task CollectAsync(ConsumeResult<string, ClubSubscription> result, CancellationToken cancellationToken)
    {
        var subscription = result.Message.Value;
        using var activity = Source.StartActivity("subscription.collect", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        activity?.SetTag("subscription.id", subscription.SubscriptionId); // clean precision-names
        activity?.SetTag("subscription.plan", subscription.Plan); // clean precision-about
        activity?.SetTag("subscription.amount", (double)subscription.Amount); // clean precision-about
        activity?.SetTag("subscription.payer_name", subscription.PayerName); // leak TC1001 direct
        activity?.SetTag("subscription.sort_code", subscription.SortCode); // clean precision-about
        activity?.SetTag("subscription.account_last2", subscription.AccountNumber[^2..]); // clean precision-about
        activity?.SetTag("subscription.account", subscription.AccountNumber); // leak TC1001 direct
        activity?.SetTag("membership.pseudonym", pseudonymizer.ComputePowerplayMemberId(subscription.MembershipNumber)); // clean precision-pseudonym

        using var span = Source.StartPowerplayOperation("subscriptions");
        span.SetPowerplayMemberId(pseudonymizer.PseudonymizePowerplayMemberId(subscription.MembershipNumber)); // clean precision-pseudonym
        span.SetPowerplayKind("subscription"); // clean generated-api
        span.SetPowerplayMemberId(Pseudonym.FromComputed(subscription.MembershipNumber)); // leak TC1001 generated-api

        try
        {
            var collectionId = await payments.CollectAsync(subscription, cancellationToken);
            activity?.SetTag("payment.collection_id", collectionId); // clean precision-names
            _collectedToday += subscription.Amount;
            Collections.Add(1, new KeyValuePair<string, object?>("plan", subscription.Plan)); // clean precision-about
            Collections.Add(1, new KeyValuePair<string, object?>("membership", pseudonymizer.PseudonymizePowerplayMemberId(subscription.MembershipNumber))); // leak TC1003 precision-pseudonym
            Amounts.Record((double)subscription.Amount, new KeyValuePair<string, object?>("payer", subscription.PayerEmail)); // leak TC1003 direct
            span.SetPowerplayOutcome("accepted"); // clean generated-api
            LogCollected(logger, subscription.SubscriptionId, subscription.MembershipNumber); // leak TC1001 logging-objects
            LogCollectedRedacted(logger, subscription.SubscriptionId, subscription.PayerName); // clean logging-objects
        }
        catch (PaymentDeclinedException ex)
        {
            _declinedPayers.Add(subscription.PayerName);
            span.SetPowerplayOutcome(ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogError("Collection failed: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogPowerplayOperationFailedEvent("subscriptions", "declined", pseudonymizer.PseudonymizePowerplayMemberId(subscription.MembershipNumber), "direct debit declined by bank"); // clean generated-api
            Meter.CreatePowerplayOperationsCounter().Add(1, "subscriptions", "declined"); // clean generated-api
        }

        logger.LogDebug("Subscription {@Subscription}", subscription); // leak TC1001 logging-objects
        logger.LogDebug("Plan {@Plan}", new SubscriptionPlan(subscription.Plan, subscription.Amount, "monthly")); // clean logging-objects
        logger.LogDebug("Subscription {@Masked}", subscription with { PayerName = "", PayerEmail = "", AccountNumber = "" }); // leak TC1001 logging-objects

        var mandateHash = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(subscription.SortCode + subscription.AccountNumber)));
        activity?.SetTag("mandate.fingerprint", mandateHash); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var payerBucket = hmac.ComputeHash(Encoding.UTF8.GetBytes(subscription.PayerEmail))[0] % 32;
        Collections.Add(0, new KeyValuePair<string, object?>("payer.bucket", payerBucket)); // clean hashes
        activity?.SetTag("payer.bucket", payerBucket); // clean hashes
        activity?.SetTag("payer.email_hash", subscription.PayerEmail.GetHashCode()); // leak TC1002 hashes
    }

    private Task ReportDeclinesAsync()
    {
        using var activity = Source.StartActivity("subscription.declines");
        activity?.SetTag("subscription.declined_count", _declinedPayers.Count); // clean cross-member
        activity?.SetTag("subscription.collected_today", (double)_collectedToday); // clean cross-member
        activity?.SetTag("subscription.declined_payers", string.Join(";", _declinedPayers)); // leak TC1001 cross-member
        logger.LogInformation("Declined today: {Payers}", _declinedPayers); // leak TC1001 cross-member
        _declinedPayers.Clear();
        return Task.CompletedTask;
    }

    public async Task PayGrantsAsync(CancellationToken cancellationToken)
    {
        var grant = await grants.ReceiveAsync(cancellationToken);
        if (grant is null)
        {
            return;
        }

        using var span = Source.StartPowerplayOperation(grant.Region);
        span.SetPowerplayKind("grant"); // clean generated-api
        span.SetPowerplayNote($"grant {grant.GrantId} to {grant.ClubCode} for {grant.Amount:C}"); // clean generated-api
        span.Activity?.SetTag("grant.club", grant.ClubCode); // clean precision-names
        logger.LogInformation("Kit grant paid {Grant}", grant); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("grant.paid", tags: new ActivityTagsCollection { ["grant.id"] = grant.GrantId, ["grant.region"] = grant.Region })); // clean precision-names
        Activity.Current?.SetBaggage("fund.round", grant.Region); // clean precision-names
        Meter.CreatePowerplayOperationDurationHistogram().Record(0.4, grant.Region); // clean generated-api
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} collected for {MembershipNumber}")]
    private static partial void LogCollected(ILogger logger, string subscriptionId, string membershipNumber);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} collected from {PayerName}")]
    private static partial void LogCollectedRedacted(ILogger logger, string subscriptionId, [PrivateData] string payerName);
}
