namespace PrivacyHoldout206.Energy;

/// <summary>An energy research trial: households join from a topic keyed by account number and are linked to the university's study.</summary>
public sealed partial class TrialLinkageConsumer(
    IConsumer<string, TrialHousehold> consumer,
    ILinkageProvider linkage,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TrialLinkageConsumer> logger) : BackgroundService
{
    private static readonly Counter<long> Linked = StudyTelemetry.Meter.CreateCounter<long>("energy.trial.linked");
    private static readonly Histogram<double> LinkSeconds = StudyTelemetry.Meter.CreateHistogram<double>("energy.trial.link.duration", "s");

    private TrialHousehold? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = StudyTelemetry.Source.StartActivity("energy.trial.join", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            _current = result.Message.Value;
            await LinkAsync(stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task LinkAsync(CancellationToken ct)
    {
        var household = _current!;
        var activity = Activity.Current;
        activity?.SetTag("energy.trial.region", household.Region); // clean precision-names
        activity?.SetTag("energy.trial.occupants", household.Occupants); // clean precision-about
        activity?.SetTag("energy.meter.serial", household.MeterSerial); // leak TC1001 cross-member
        activity?.SetTag("energy.meter.model", household.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("energy.mpan.distributor", household.Mpan[..2]); // clean precision-about
        activity?.SetTag("energy.trial.participant", pseudonymizer.ComputeGridpanelParticipantId(household.StudyNumber)); // clean precision-pseudonym
        TagHousehold(activity);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var linked = await linkage.LinkAsync(new LinkageRequest(Guid.NewGuid().ToString("N"), household.StudyNumber, household.AccountNumber, "smart-meter-hh"), ct);
            activity?.SetTag("energy.linkage.quality", linked.MatchQuality); // clean precision-about
            activity?.SetTag("energy.linkage.fields", linked.FieldsMatched); // clean precision-about
            activity?.SetTag("energy.linkage.request", linked.RequestId); // clean precision-names
            logger.LogInformation("Linked {Result}", linked); // clean logging-objects
            logger.LogInformation("Linked household {Household}", household); // leak TC1001 logging-objects
            logger.LogInformation("Linked household {@Household}", new { household.Region, household.Occupants }); // clean logging-objects
            logger.LogInformation("Linked household {@Household}", new { household.Mpan, household.Region }); // leak TC1001 logging-objects
            Linked.Add(1, new KeyValuePair<string, object?>("energy.region", household.Region)); // clean precision-names
            Linked.Add(1, new KeyValuePair<string, object?>("energy.meter", household.MeterSerial)); // leak TC1003 direct
            Linked.Add(1, new KeyValuePair<string, object?>("energy.participant", pseudonymizer.Pseudonymize("participant", household.StudyNumber).Value)); // leak TC1003 precision-pseudonym
            LinkSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("energy.region", household.Region)); // clean precision-names
            StudyTelemetry.Meter.CreateGridpanelOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, household.Region); // clean generated-api
        }
        catch (LinkageConflictException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("energy.linkage.dataset", ex.Dataset); // clean exceptions
            logger.LogError("Linkage conflict: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogGridpanelOperationFailedEvent(household.Region, "conflict", pseudonymizer.PseudonymizeGridpanelParticipantId(household.StudyNumber)); // clean generated-api
            logger.LogGridpanelOperationFailedEvent(household.Region, "conflict", gridpanelNote: ex.Message); // leak TC1001 generated-api
        }
        catch (LinkageProviderUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Linkage provider down ({Status})", ex.StatusCode); // clean exceptions
            StudyTelemetry.Meter.CreateGridpanelOperationsCounter().Add(1, household.Region, "provider-down"); // clean generated-api
        }

        var accountHash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(household.AccountNumber)));
        activity?.SetTag("energy.account.hash", accountHash); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(household.AccountNumber))[0] % 4;
        activity?.SetTag("energy.lane", lane); // clean hashes
        var saltedDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("trial-2025:" + household.Mpan)));
        logger.LogDebug("Household digest {Digest}", saltedDigest); // leak TC1002 hashes
        LogLinkedAccount(logger, household.AccountNumber, household.Region); // clean logging-objects
        LogLinkedMpan(logger, household.Mpan, household.Region); // leak TC1001 logging-objects
        var sb = new StringBuilder();
        sb.Append("household ").Append(household.AccountNumber).Append(" in ").Append(household.Region);
        logger.LogInformation(sb.ToString()); // leak TC1001 strings
        logger.LogInformation("Region {Region} has {Occupants} occupants", household.Region, household.Occupants); // clean precision-about
    }

    private void TagHousehold(Activity? activity)
    {
        activity?.SetTag("energy.account.number", _current?.AccountNumber); // leak TC1001 cross-member
        activity?.SetTag("energy.account.known", _current is not null); // clean cross-member
    }

    public void ExportBatch(ConsumptionBatch batch)
    {
        using var span = StudyTelemetry.Source.StartGridpanelOperation(batch.Region); // clean generated-api
        span.SetGridpanelItems(batch.Readings); // clean generated-api
        span.SetGridpanelStudy("SMART-HH-3"); // clean generated-api
        span.SetGridpanelNote(_current?.MeterSerial ?? "none"); // leak TC1001 generated-api
        logger.LogInformation("Exported {Batch}", batch); // clean logging-objects
        logger.LogInformation("Exported {Households} households for {Day}", batch.Households, batch.Day); // clean precision-about
        Baggage.SetBaggage("energy.batch", batch.BatchId); // clean precision-names
        Baggage.SetBaggage("energy.account", _current?.AccountNumber); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Linked account {AccountNumber} in {Region}")]
    private static partial void LogLinkedAccount(ILogger logger, [PrivateData] string accountNumber, string region);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Linked MPAN {Mpan} in {Region}")]
    private static partial void LogLinkedMpan(ILogger logger, string mpan, string region);
}
