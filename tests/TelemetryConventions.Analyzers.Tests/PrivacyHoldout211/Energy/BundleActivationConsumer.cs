namespace PrivacyHoldout211.Energy;

/// <summary>A music plan bundled with a tariff: the topic is keyed by the energy account number.</summary>
public sealed record BundleActivation(string AccountNumber, string HolderEmail, string HolderName, string Tariff, string PlanId, int FamilySeats, string Region);

public sealed partial class BundleActivationConsumer(
    IConsumer<string, BundleActivation> consumer,
    IListenerStore listeners,
    ILogger<BundleActivationConsumer> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.MusicBundle");
    private readonly Histogram<double> _activationSeconds = meter.CreateHistogram<double>("bundle.activation.duration", "s");
    private string _currentAccount = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("bundle.activate");
            activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
            activity?.SetTag("messaging.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.key", result.Message.Key); // leak TC1001 direct
            _currentAccount = result.Message.Key;
            await ActivateAsync(result.Message.Value, activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task ActivateAsync(BundleActivation activation, Activity? activity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartWattwavesOperation(activation.Region);
        span.SetWattwavesListenerId(pseudonymizer.PseudonymizeWattwavesListenerId(activation.AccountNumber)); // clean generated-api
        span.SetWattwavesFormat("music"); // clean generated-api
        span.SetWattwavesMinutes(activation.FamilySeats); // clean generated-api
        span.SetWattwavesNote($"plan {activation.PlanId} on tariff {activation.Tariff}"); // clean generated-api
        span.SetWattwavesNote($"activating for {activation.HolderEmail}"); // leak TC1001 generated-api
        activity?.SetTag("bundle.plan_id", activation.PlanId); // clean precision-names
        activity?.SetTag("bundle.tariff", activation.Tariff); // clean precision-names
        activity?.SetTag("bundle.family_seats", activation.FamilySeats); // clean precision-about
        activity?.SetTag("bundle.holder", activation.HolderName); // leak TC1001 direct
        activity?.SetTag("bundle.account_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(activation.AccountNumber)))); // leak TC1002 hashes
        activity?.SetTag("bundle.account_ref", pseudonymizer.ComputeWattwavesListenerId(activation.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Activating {@Activation}", activation); // leak TC1001 logging-objects
        logger.LogInformation("Activating plan {PlanId} in {Region}", activation.PlanId, activation.Region); // clean precision-names
        LogActivation(logger, activation.AccountNumber, activation.PlanId); // clean logging-objects

        var plan = await listeners.FindPlanAsync(activation.PlanId, cancellationToken);
        if (plan is not null)
        {
            activity?.SetTag("plan.members", plan.Members.Count); // clean precision-about
            activity?.SetTag("plan.tier", plan.Tier); // clean precision-about
            activity?.SetTag("plan.owner", plan.OwnerListenerId); // leak TC1001 direct
            activity?.SetTag("plan.owner_email", plan.OwnerEmail); // leak TC1001 direct
            activity?.SetTag("plan.minors", plan.Members.Count(m => m.Age < 18)); // clean precision-about
            activity?.SetTag("plan.member_names", string.Join(", ", plan.Members.Select(m => m.FirstName))); // leak TC1001 strings
            foreach (var member in plan.Members)
            {
                logger.LogDebug("Member {Member}", member); // leak TC1001 logging-objects
                logger.LogDebug("Member filter {ExplicitFilter}", member.ExplicitFilter); // clean precision-about
            }

            logger.LogInformation("Plan {PlanId} has {Count} members", plan.PlanId, plan.Members.Count); // clean precision-names
        }

        _activationSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("region", activation.Region)); // clean precision-names
        _activationSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("account", _currentAccount)); // leak TC1003 cross-member
        meter.CreateWattwavesOperationsCounter().Add(1, activation.Region); // clean generated-api
    }

    public void ReportFailure(Exception ex, Activity? activity)
    {
        activity?.SetTag("bundle.failed_account", _currentAccount); // leak TC1001 cross-member
        activity?.SetTag("bundle.failure", ex.GetType().FullName); // clean exceptions
        logger.LogWattwavesOperationFailedEvent("bundles", "failed", wattwavesListenerId: pseudonymizer.PseudonymizeWattwavesListenerId(_currentAccount)); // clean generated-api
        logger.LogWattwavesOperationFailedEvent("bundles", "failed", wattwavesNote: ex.Message); // leak TC1001 generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activating bundle for {AccountNumber} on {PlanId}")]
    private static partial void LogActivation(ILogger logger, [PrivateData] string accountNumber, string planId);
}
