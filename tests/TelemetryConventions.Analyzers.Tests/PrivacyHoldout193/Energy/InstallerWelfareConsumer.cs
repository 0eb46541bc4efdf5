namespace PrivacyHoldout193.Energy;

public sealed record WelfareKitRequest(string StaffNumber, string DepotCode, string KitType, string HomeAddress, string Postcode, string Mobile);

public sealed record VisitConcern(string JobId, string AccountNumber, string MeterSerial, string InstallerStaffNumber, string Observation, int ChildrenSeen, string Postcode);

/// <summary>An energy supplier's field force: confidential test kits for colleagues (staff wellbeing) and installers' safeguarding reports from home visits.</summary>
public sealed class InstallerWelfareConsumer(
    IConsumer<string, VisitConcern> concerns,
    IQueueReceiver<WelfareKitRequest> kitRequests,
    ICourierClient courier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InstallerWelfareConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.Welfare");
    private static readonly Meter Meter = new("Energy.Welfare");
    private static readonly Counter<long> ConcernsRaised = Meter.CreateCounter<long>("welfare.concerns");

    private string _currentAccount = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = concerns.Consume(stoppingToken);
            if (record is not null)
            {
                using var consume = Source.StartActivity("visit-concerns process");
                consume?.SetTag("messaging.destination.name", record.Topic); // clean precision-names
                consume?.SetTag("messaging.kafka.message.key", record.Message.Key); // leak TC1001 direct
                consume?.SetTag("messaging.kafka.offset", record.Offset); // clean precision-names
                HandleConcern(record.Message.Value);
                concerns.Commit(record);
            }

            var kit = await kitRequests.ReceiveAsync(stoppingToken);
            if (kit is not null)
            {
                await HandleKitAsync(kit, stoppingToken);
            }
        }
    }

    private void HandleConcern(VisitConcern concern)
    {
        _currentAccount = concern.AccountNumber;
        using var span = Source.StartWellbeingOperation("field-safeguarding");
        span.SetWellbeingKind("safeguarding"); // clean precision-names
        span.SetWellbeingItems(concern.ChildrenSeen); // clean precision-about
        Activity.Current?.SetTag("welfare.job_id", concern.JobId); // clean precision-names
        Activity.Current?.SetTag("welfare.meter_serial", concern.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("welfare.meter_model", concern.MeterSerial[..4]); // clean precision-about
        Activity.Current?.SetTag("welfare.installer", pseudonymizer.Compute(Spaces.Staff, concern.InstallerStaffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("welfare.postcode_district", concern.Postcode.Split(' ')[0]); // clean precision-about
        ConcernsRaised.Add(1, new KeyValuePair<string, object?>("installer", concern.InstallerStaffNumber)); // leak TC1003 direct
        ConcernsRaised.Add(1, new KeyValuePair<string, object?>("children_seen", concern.ChildrenSeen > 0)); // clean precision-about
        logger.LogWarning("Installer observation on job {JobId}: {Observation}", concern.JobId, concern.Observation); // leak TC1001 direct
        logger.LogWarning("Installer observation on job {JobId} of {Words} words", concern.JobId, concern.Observation.Split(' ').Length); // clean precision-about
        logger.LogInformation("Concern received {Concern}", concern with { Observation = "[redacted]" }); // leak TC1001 logging-objects
        logger.LogInformation("Concern received {@Concern}", new { concern.JobId, concern.ChildrenSeen, District = concern.Postcode.Split(' ')[0] }); // clean logging-objects
        var accountHash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(concern.AccountNumber)));
        Activity.Current?.SetTag("welfare.account_hash", accountHash); // leak TC1002 hashes
        var accountShard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(concern.AccountNumber)))[..4];
        Activity.Current?.SetTag("welfare.account_shard", accountShard); // clean hashes
        TagAccount();
    }

    private async Task HandleKitAsync(WelfareKitRequest kit, CancellationToken ct)
    {
        using var span = Source.StartWellbeingOperation(kit.DepotCode);
        var colleague = pseudonymizer.PseudonymizeWellbeingClientId(kit.StaffNumber);
        span.SetWellbeingClientId(colleague); // clean precision-pseudonym
        span.SetWellbeingKind(kit.KitType); // clean precision-names
        span.SetWellbeingChannel("online"); // clean precision-about
        Baggage.SetBaggage("wellbeing.colleague", colleague.Value); // clean precision-pseudonym
        Activity.Current?.SetTag(WellbeingAttributes.Contact, kit.Mobile); // leak TC1001 generated-api
        try
        {
            var parcel = await courier.BookAsync(kit.StaffNumber, kit.HomeAddress, kit.Postcode, ct);
            Activity.Current?.SetTag("welfare.parcel.tracking", parcel.TrackingNumber); // clean precision-names
            logger.LogInformation("Kit parcel {@Parcel}", parcel); // clean logging-objects
            span.SetWellbeingOutcome("sent"); // clean precision-about
        }
        catch (CourierUnavailableException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Courier down for depot {Depot}", kit.DepotCode); // clean exceptions
            logger.LogWellbeingOperationFailedEvent(kit.DepotCode, "courier-down", colleague, ex.Message); // clean generated-api
            logger.LogWellbeingOperationFailedEvent(kit.DepotCode, "courier-down", colleague, $"kit for {kit.HomeAddress} not booked"); // leak TC1001 generated-api
            Meter.CreateWellbeingOperationsCounter().Add(1, kit.DepotCode, "courier-down"); // clean generated-api
            Meter.CreateWellbeingOperationDurationHistogram().Record(0.5, kit.StaffNumber); // leak TC1003 generated-api
        }
    }

    private void TagAccount()
    {
        Activity.Current?.SetTag("welfare.account_number", _currentAccount); // leak TC1001 cross-member
        Activity.Current?.SetTag("welfare.account_known", _currentAccount.Length > 0); // clean cross-member
    }
}
