namespace PrivacyHoldout135.Retail;

/// <summary>A customer accident in store: a slip on a wet floor, a trolley, a falling box.</summary>
public sealed record CustomerAccident(string AccidentId, string Store, string Aisle, string CustomerNumber, string CustomerName, string CustomerPhone, string CustomerEmail, string Injury, bool Hospital, string CameraId);

/// <summary>Keeps the CCTV for accidents that may become public liability claims and tells the insurer.</summary>
public sealed class CustomerAccidentClaimService(IVideoManagementClient video, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CustomerAccidentClaimService> logger)
{
    private static readonly ActivitySource Source = new("Retail.StoreSafety.Accidents");
    private static readonly Meter Meter = new("Retail.StoreSafety.Accidents");
    private static readonly Counter<long> Accidents = Meter.CreateCounter<long>("store.customer_accidents", "{accident}");

    private string? _lastClaimantEmail;

    public async Task RecordAsync(CustomerAccident accident, CancellationToken ct)
    {
        using var span = Source.StartStoresafeReport(accident.AccidentId);
        span.SetStoresafeStore(accident.Store); // clean precision-names
        span.SetStoresafeCustomerId(pseudonymizer.PseudonymizeStoresafeCustomerId(accident.CustomerNumber)); // clean precision-pseudonym
        span.SetStoresafeInjuredCount(1); // clean precision-about
        span.Activity?.SetTag("store.aisle", accident.Aisle); // clean precision-names
        span.Activity?.SetTag("store.hospital", accident.Hospital); // clean precision-about
        span.Activity?.SetTag(StoresafeAttributes.Contact, accident.CustomerPhone); // leak TC1001 generated-api
        span.Activity?.SetTag("store.customer.email_domain", accident.CustomerEmail[(accident.CustomerEmail.LastIndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetBaggage("store.customer", accident.CustomerNumber); // leak TC1001 direct
        Accidents.Add(1, new KeyValuePair<string, object?>("store", accident.Store), new KeyValuePair<string, object?>("shard", KeyedShard.Of(secrets.ShardKey, accident.CustomerNumber, 4))); // clean hashes
        _lastClaimantEmail = accident.CustomerEmail;

        var request = new FootageRequest($"PL-{accident.AccidentId}", accident.CameraId, DateTimeOffset.UtcNow.AddMinutes(-30), DateTimeOffset.UtcNow, "insurer", "Claims team", "claims@insurer.example", "customer in aisle", "public liability");
        try
        {
            var export = await video.ExportAsync(request, ct);
            span.Activity?.SetTag("store.footage.export", export.ExportId); // clean precision-names
        }
        catch (FootageOverwrittenException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
            logger.LogStoresafeReportFailedEvent(accident.AccidentId, "footage-lost", pseudonymizer.PseudonymizeStoresafeCustomerId(accident.CustomerNumber), $"camera {ex.CameraId}"); // clean generated-api
            logger.LogStoresafeReportFailedEvent(accident.AccidentId, "footage-lost", storesafeNote: $"tell {accident.CustomerName} on {accident.CustomerPhone}"); // leak TC1001 generated-api
        }
    }

    public void InsurerAcknowledged(string claimRef)
    {
        logger.LogInformation("Insurer acknowledged {ClaimRef} for {Email}", claimRef, _lastClaimantEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("store.claim.ref", claimRef); // clean precision-names
    }
}
