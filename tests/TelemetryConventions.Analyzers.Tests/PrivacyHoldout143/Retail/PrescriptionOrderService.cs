using System.IO;

namespace PrivacyHoldout143.Retail;

/// <summary>A written prescription a customer uploads from their vet, with the name of the file they uploaded.</summary>
public sealed record PrescriptionUpload(string LoyaltyCard, WrittenPrescription Prescription, string UploadFileName);

/// <summary>
/// The retailer's online vet pharmacy: customers upload written prescriptions from their own vet for prescription
/// flea, tick and worming treatments, and repeats are dispensed on a subscription.
/// </summary>
public sealed partial class PrescriptionOrderService(
    IPharmacyService pharmacy,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PrescriptionOrderService> logger)
{
    private readonly Counter<long> _orders = meter.CreateCounter<long>("groomshop.pharmacy.orders", "{order}");

    private readonly Histogram<int> _quantities = meter.CreateHistogram<int>("groomshop.pharmacy.quantity", "{dose}");

    private readonly Dictionary<string, DateOnly> _nextRepeatByCard = new(StringComparer.Ordinal);

    private WrittenPrescription? _lastUnverified;

    public async Task<bool> AcceptAsync(PrescriptionUpload upload, string store, CancellationToken cancellationToken)
    {
        using var span = source.StartGroomshopOperation(store);
        span.SetGroomshopCustomerId(pseudonymizer.PseudonymizeGroomshopCustomerId(upload.LoyaltyCard)); // clean generated-api
        span.SetGroomshopService("pharmacy");
        var written = upload.Prescription;
        Activity.Current?.SetTag("groomshop.rx.id", written.PrescriptionId); // clean precision-names
        Activity.Current?.SetTag("groomshop.rx.drug", written.Drug); // clean precision-about
        Activity.Current?.SetTag("groomshop.rx.upload_extension", Path.GetExtension(upload.UploadFileName)); // clean precision-about
        Activity.Current?.SetTag("groomshop.rx.prescriber", written.VetRcvsNumber); // leak TC1001 direct
        LogUpload(logger, written.OwnerName, written.PrescriptionId); // leak TC1001 logging-objects
        LogUploadForAudit(logger, upload.LoyaltyCard, written.Drug); // clean logging-objects

        if (!await pharmacy.VerifyWrittenAsync(written, cancellationToken))
        {
            _lastUnverified = written;
            logger.LogWarning("Written prescription not verified {Prescription}", written); // leak TC1001 logging-objects
            span.SetGroomshopOutcome("unverified");
            return false;
        }

        var prescription = await pharmacy.FindAsync(written.PrescriptionId, cancellationToken);
        if (prescription is not null)
        {
            logger.LogInformation("Prescription {Prescription}", prescription); // clean logging-objects
            _nextRepeatByCard[upload.LoyaltyCard] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(28));
        }

        _orders.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("drug", written.Drug)); // clean precision-about
        return true;
    }

    public async Task DispenseRepeatAsync(string loyaltyCard, string prescriptionId, int quantity, string store, CancellationToken cancellationToken)
    {
        using var span = source.StartGroomshopOperation(store);
        var customer = pseudonymizer.ComputeGroomshopCustomerId(loyaltyCard);
        Activity.Current?.SetTag(GroomshopAttributes.CustomerId, customer); // clean precision-pseudonym
        _quantities.Record(quantity, new KeyValuePair<string, object?>("store", store)); // clean precision-about
        var cardDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(loyaltyCard)))[..12];
        logger.LogInformation("Repeat {PrescriptionId} for card digest {Digest}", prescriptionId, cardDigest); // leak TC1002 hashes

        try
        {
            var result = await pharmacy.DispenseAsync(prescriptionId, quantity, cancellationToken);
            logger.LogInformation("Repeat dispensed {Result}", result); // clean logging-objects
            _orders.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("customer", customer)); // leak TC1003 precision-pseudonym
        }
        catch (PrescriptionExpiredException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetGroomshopNote($"card {loyaltyCard}: prescription expired"); // leak TC1001 generated-api
        }
    }

    /// <summary>Called by the subscription scheduler each morning.</summary>
    public void ReportQueue()
    {
        logger.LogInformation("Repeats due {Due}", _nextRepeatByCard); // leak TC1001 cross-member
        logger.LogInformation("Repeats due on {Dates}", _nextRepeatByCard.Values.Order()); // clean cross-member
        if (_lastUnverified is { } rx)
        {
            logger.LogInformation("Last unverified prescription for {Drug}", rx.Drug); // clean cross-member
            logger.LogInformation("Last unverified prescription names {Owner}", rx.OwnerName); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Written prescription for {OwnerName} uploaded ({PrescriptionId})")]
    private static partial void LogUpload(ILogger logger, string ownerName, string prescriptionId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Prescription upload audit: card {LoyaltyCard}, {Drug}")]
    private static partial void LogUploadForAudit(ILogger logger, [PrivateData] string loyaltyCard, string drug);
}
