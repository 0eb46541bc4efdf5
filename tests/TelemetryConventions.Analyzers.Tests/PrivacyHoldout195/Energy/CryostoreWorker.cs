namespace PrivacyHoldout195.Energy;

/// <summary>A cryostore's worker: tanks on backup power, and storage consent renewals from a topic keyed by patient number.</summary>
public sealed class CryostoreWorker(
    IConsumer<string, ConsentRenewal> renewals,
    IQueueReceiver<TankPowerEvent> powerEvents,
    IStorageLedger ledger,
    IReminderMailer mailer,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    FertilityServiceOptions options,
    ILogger<CryostoreWorker> logger) : BackgroundService
{
    private readonly Counter<long> _renewals = meter.CreateCounter<long>("cryostore.consent.renewals");
    private readonly Histogram<double> _backup = meter.CreateHistogram<double>("cryostore.backup.minutes");
    private string _lastRenewalEmail = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = renewals.Consume(stoppingToken);
            if (result is not null)
            {
                await HandleRenewalAsync(result, stoppingToken);
                renewals.Commit(result);
            }

            var power = await powerEvents.ReceiveAsync(stoppingToken);
            if (power is not null)
            {
                HandlePower(power);
            }
        }
    }

    private async Task HandleRenewalAsync(ConsumeResult<string, ConsentRenewal> result, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("cryostore.renewal");
        activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
        activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("cryostore.renewal.header_count", result.Message.Headers.Count); // clean precision-about

        var renewal = result.Message.Value;
        _lastRenewalEmail = renewal.PatientEmail;
        activity?.SetTag("cryostore.renewal.id", renewal.RenewalId); // clean precision-names
        activity?.SetTag("cryostore.renewal.years", renewal.YearsRequested); // clean precision-about
        activity?.SetTag("cryostore.consent.expires", renewal.ConsentExpires.ToString("yyyy-MM")); // clean precision-about
        activity?.SetTag("cryostore.patient.number", renewal.PatientNumber); // leak TC1001 direct
        logger.LogInformation("Renewal received {@Renewal}", renewal); // leak TC1001 logging-objects
        logger.LogInformation("Renewal received {Renewal}", new { renewal.RenewalId, renewal.YearsRequested }); // clean logging-objects

        var patient = pseudonymizer.PseudonymizeCryogridPatientId(renewal.PatientNumber);
        using var span = source.StartCryogridOperation(options.SiteCode);
        span.SetCryogridPatientId(patient); // clean generated-api
        span.SetCryogridKind("storage"); // clean generated-api
        span.SetCryogridOutcome("renewal-requested"); // clean generated-api
        span.SetCryogridNote($"renewal for {renewal.PatientEmail}"); // leak TC1001 generated-api
        meter.CreateCryogridOperationsCounter().Add(1, renewal.PatientNumber, "renewal"); // leak TC1003 generated-api
        _renewals.Add(1, new KeyValuePair<string, object?>("years", renewal.YearsRequested)); // clean precision-about
        _renewals.Add(1, new KeyValuePair<string, object?>("patient", patient.ToString())); // leak TC1003 precision-pseudonym
        logger.LogInformation("Renewal for {Patient}", patient); // clean precision-pseudonym

        try
        {
            await mailer.SendAsync(renewal.PatientEmail, "Your storage consent", "Please renew", cancellationToken);
            logger.LogInformation("Reminder sent to {Recipient}", _lastRenewalEmail); // leak TC1001 cross-member
            logger.LogInformation("Reminder template {ReminderTemplateId} sent", "consent-renewal-v3"); // clean precision-names
        }
        catch (ConsentExpiredException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogCryogridOperationFailedEvent(options.SiteCode, "expired", patient, ex.GetType().Name); // clean exceptions
            span.SetCryogridNote(ex.Message); // leak TC1001 exceptions
        }
        catch (ClinicSystemUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Mailer unavailable for renewal {RenewalId}", renewal.RenewalId); // clean exceptions
        }
    }

    private void HandlePower(TankPowerEvent power)
    {
        using var activity = source.StartActivity("cryostore.power");
        activity?.SetTag("cryostore.tank.id", power.TankId); // clean precision-names
        activity?.SetTag("cryostore.feeder.id", power.FeederId); // clean precision-names
        activity?.SetTag("cryostore.backup.minutes", power.BackupMinutes); // clean precision-about
        activity?.SetTag("cryostore.tank.owner_count", power.StrawOwners.Count); // clean precision-about
        activity?.SetTag("cryostore.tank.owners", string.Join(",", power.StrawOwners)); // leak TC1001 strings
        activity?.SetTag("cryostore.tank.first_owner", power.StrawOwners.FirstOrDefault()); // leak TC1001 direct
        _backup.Record(power.BackupMinutes, new KeyValuePair<string, object?>("site", power.SiteCode)); // clean precision-about
        meter.CreateCryogridOperationDurationHistogram().Record(power.BackupMinutes * 60, power.SiteCode); // clean generated-api
        logger.LogWarning("Tank {TankId} on backup power: {Power}", power.TankId, power); // leak TC1001 logging-objects

        foreach (var record in ledger.ExpiringWithin(options.StorageReminderDays))
        {
            var ownerKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(record.PatientNumber + record.PartnerNumber)));
            activity?.AddEvent(new ActivityEvent("cryostore.straw.expiring", tags: new ActivityTagsCollection { ["owner"] = ownerKey })); // leak TC1002 hashes
            var ownerShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(record.PatientNumber))[0] % 32;
            activity?.AddEvent(new ActivityEvent("cryostore.straw.expiring", tags: new ActivityTagsCollection { ["shard"] = ownerShard })); // clean hashes
            logger.LogInformation("Straw {StrawId} in {TankId}: {Embryos} embryos, consent to {Expiry}", record.StrawId, record.TankId, record.EmbryoCount, record.ConsentExpires); // clean precision-about
            logger.LogInformation("Straw {StrawId} partner {PartnerNumber}", record.StrawId, record.PartnerNumber); // leak TC1001 direct
            logger.LogInformation("Straw {StrawId} expiring {@Record}", record.StrawId, record with { PartnerNumber = null }); // leak TC1001 logging-objects
            if (power.BackupMinutes < 30)
            {
                var alarm = new TankAlarmException(record.TankId, power.BackupMinutes);
                activity?.AddException(alarm); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, alarm.Message); // clean exceptions
            }
        }
    }
}
