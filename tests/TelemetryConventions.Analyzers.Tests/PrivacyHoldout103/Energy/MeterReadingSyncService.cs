namespace PrivacyHoldout103.Energy;

/// <summary>A meter reading queued offline, by a customer in their app or by an engineer on a company handset.</summary>
public sealed record QueuedReading(string AccountNumber, string MeterSerial, string Register, decimal Value, DateTimeOffset ReadAt, string? PhotoBlob);

/// <summary>A company handset an engineer carries; it belongs to the supplier and is enrolled by asset tag.</summary>
public sealed record EngineerHandset(string AssetTag, string Depot, string Model);

/// <summary>
/// Applies the readings the customer app and the engineers' handsets queued while offline. Reading
/// operations are keyed <c>{accountNumber}:{meterSerial}:{register}</c>; their payload is a <see cref="QueuedReading"/>.
/// </summary>
public sealed class MeterReadingSyncService(
    ISyncStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadingSyncService> logger)
{
    private readonly Histogram<double> _queueAge = meter.CreateHistogram<double>("energyapp.sync.queue_age", "h");

    public async Task<SyncResult> FromCustomerAppAsync(SyncBatch batch, string accountNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartHomeappAppIngest("sync");
        span.SetHomeappQueueDepth(batch.Operations.Count).SetHomeappUserId(pseudonymizer.PseudonymizeHomeappUserId(accountNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("energy.account", accountNumber); // leak TC1001 direct
        var applied = 0;
        foreach (var operation in batch.Operations)
        {
            var reading = JsonSerializer.Deserialize<QueuedReading>(operation.PayloadJson)!;
            _queueAge.Record((DateTimeOffset.UtcNow - operation.QueuedAt).TotalHours, new KeyValuePair<string, object?>("register", reading.Register)); // clean precision-about
            logger.LogInformation("Applying reading {OperationId} for meter {MeterSerial}", operation.OperationId, reading.MeterSerial); // leak TC1001 direct
            logger.LogDebug("Reading payload {Payload}", operation.PayloadJson); // leak TC1001 strings
            logger.LogDebug("Reading {Value} on register {Register} read {ReadAt}", reading.Value, reading.Register, reading.ReadAt); // clean precision-about
            Activity.Current?.SetTag("reading.meter_model", reading.MeterSerial[..3]); // clean precision-about
            try
            {
                await store.ApplyAsync(operation, cancellationToken);
                applied++;
            }
            catch (SyncConflictException ex)
            {
                span.SetHomeappOutcome("conflict").SetHomeappNote(ex.Message); // leak TC1001 generated-api
                logger.LogWarning("Reading {OperationId} conflicts with server v{ServerVersion}", operation.OperationId, ex.ServerVersion); // clean precision-names
            }
        }
        return new SyncResult(batch.BatchId, applied, batch.Operations.Count - applied, 0, await store.NextTokenAsync(batch.ClientId, cancellationToken));
    }

    public async Task FromHandsetAsync(EngineerHandset handset, SyncBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartHomeappAppIngest("sync");
        span.SetHomeappDeviceModel(handset.Model).SetHomeappQueueDepth(batch.Operations.Count); // clean precision-names
        Activity.Current?.SetTag("handset.client_id", batch.ClientId); // clean precision-names
        logger.LogInformation("Handset {Handset} pushed batch {BatchId}", handset, batch.BatchId); // clean logging-objects
        var keys = batch.Operations.Select(o => o.EntityKey).ToList();
        logger.LogInformation("Handset reading keys {Keys}", string.Join(";", keys)); // leak TC1001 strings
        logger.LogInformation("Handset readings by register {Registers}", keys.GroupBy(k => k.Split(':')[2]).ToDictionary(g => g.Key, g => g.Count())); // clean precision-about
        foreach (var operation in batch.Operations)
        {
            await store.ApplyAsync(operation, cancellationToken);
        }
        meter.CreateHomeappIngestDurationHistogram().Record(0.2, homeappReportKind: "sync", homeappPlatform: "android"); // clean direct
    }
}
