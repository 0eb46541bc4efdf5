namespace PrivacyHoldout160.Energy;

/// <summary>Reads outage notices and texts the register's households on the feeder before the power goes.</summary>
public sealed class OutageWarningWorker(
    IConsumer<string, OutageNotice> consumer,
    IPriorityRegister register,
    IOutageMessenger messenger,
    ILogger<OutageWarningWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private readonly Counter<long> texts = meter.CreateCounter<long>("psr.outage.texts");
    private readonly List<string> unreachable = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("OutageWarning");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("outage.id", result.Message.Value.OutageId); // clean precision-names
            activity?.SetTag("outage.feeder", result.Message.Value.Feeder); // clean precision-names
            activity?.SetTag("outage.psr_households", result.Message.Value.PsrHouseholds); // clean precision-about

            try
            {
                await WarnAsync(result.Message.Value, activity, stoppingToken);
            }
            catch (FeederUnknownException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogError(ex, "Unknown feeder on outage {OutageId}", result.Message.Value.OutageId); // clean exceptions
            }

            consumer.Commit(result);
        }
    }

    private async Task WarnAsync(OutageNotice notice, Activity? activity, CancellationToken cancellationToken)
    {
        var households = await register.OnFeederAsync(notice.Feeder, cancellationToken);
        foreach (var household in households)
        {
            var sent = await messenger.TextAsync(household.ContactMobile, $"Power off on {notice.ExpectedRestore:t}", cancellationToken);
            texts.Add(1, new KeyValuePair<string, object?>("feeder", notice.Feeder), new KeyValuePair<string, object?>("sent", sent)); // clean precision-about
            if (!sent)
            {
                unreachable.Add(household.ContactMobile);
                activity?.AddEvent(new ActivityEvent("text.failed", tags: new ActivityTagsCollection { ["household"] = pseudonymizer.ComputePsrHouseholdId(household.AccountNumber) })); // clean precision-pseudonym
                activity?.AddEvent(new ActivityEvent("text.failed.number", tags: new ActivityTagsCollection { ["mobile.last2"] = household.ContactMobile[^2..] })); // clean precision-about
                logger.LogWarning("Text failed to {Mobile}", household.ContactMobile); // leak TC1001 direct
                texts.Add(1, new KeyValuePair<string, object?>("account", household.AccountNumber)); // leak TC1003 direct
            }

            if (household.Dependency == "ventilator" && !household.BackupBattery)
            {
                var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(household.AccountNumber)))[..4];
                activity?.SetTag("psr.ventilator_shard", shard); // clean hashes
                var reference = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(household.MeterSerial)));
                logger.LogWarning("Ventilator without battery at meter {MeterRef}", reference); // leak TC1002 hashes
            }
        }
    }

    public void ReportUnreachable()
    {
        logger.LogWarning("{Count} households unreachable", unreachable.Count); // clean precision-about
        logger.LogWarning("Unreachable numbers: {Numbers}", string.Join(";", unreachable)); // leak TC1001 cross-member
    }
}
