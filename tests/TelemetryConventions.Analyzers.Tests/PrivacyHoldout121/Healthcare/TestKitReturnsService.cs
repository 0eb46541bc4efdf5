namespace PrivacyHoldout121.Healthcare;

/// <summary>A home sampling kit (bowel screening, HPV self-sampling) sent to a patient and posted back to the lab.</summary>
public sealed record SamplingKit(string KitBarcode, string Programme, string NhsNumber, string ReturnTrackingNumber);

/// <summary>Books return labels for home sampling kits and chases the ones that do not come back.</summary>
public sealed class TestKitReturnsService(
    IReturnsClient returns,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<TestKitReturnsService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Screening.Kits");
    private static readonly Meter Meter = new("Trust.Screening.Kits");
    private static readonly Counter<long> KitsReturned = Meter.CreateCounter<long>("screening.kits.returned");
    private static readonly Histogram<double> DaysToReturn = Meter.CreateHistogram<double>("screening.kits.days_to_return", "d");

    private SamplingKit? _current;

    public async Task<ReturnLabel> BookReturnAsync(SamplingKit kit, Address home, CancellationToken cancellationToken)
    {
        _current = kit;
        using var activity = Source.StartActivity("kit.return.book");
        activity?.SetTag("kit.barcode", kit.KitBarcode); // clean precision-names
        activity?.SetTag("kit.programme", kit.Programme); // clean precision-names
        activity?.SetTag("kit.patient", SHA256.HashData(Encoding.UTF8.GetBytes(kit.NhsNumber)).Take(8).Aggregate("", (s, b) => s + b.ToString("x2"))); // leak TC1002 hashes
        activity?.SetTag("kit.patient.shard", KeyedShard.Of(secrets.ShardKey, kit.NhsNumber, 32)); // clean hashes

        var request = new ReturnRequest($"KIT-{kit.KitBarcode}", kit.KitBarcode, ReturnReason.EndOfLoan, null) { CustomerEmail = home.Email };
        var label = await returns.CreateReturnAsync(request, home, cancellationToken);
        logger.LogInformation("Return label {Label}", label); // clean logging-objects
        logger.LogInformation("Return booked {Request}", request); // leak TC1001 logging-objects
        TagPatient(activity);
        return label;
    }

    private void TagPatient(Activity? activity)
    {
        activity?.SetTag("kit.nhs_number", _current?.NhsNumber); // leak TC1001 cross-member
        activity?.SetTag("kit.nhs_number.last4", _current?.NhsNumber[^4..]); // clean precision-about
        activity?.SetTag("kit.programme.current", _current?.Programme); // clean cross-member
    }

    public void KitReceivedAtLab(SamplingKit kit, TrackingEvent scan, DateTimeOffset sentAt)
    {
        var days = (scan.OccurredAt - sentAt).TotalDays;
        KitsReturned.Add(1, new KeyValuePair<string, object?>("kit.programme", kit.Programme)); // clean precision-names
        DaysToReturn.Record(days, new KeyValuePair<string, object?>("kit.patient", pseudonymizer.ComputeRxdropRecipientId(kit.NhsNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Kit {KitBarcode} back at {Facility} after {Days:F1} days", kit.KitBarcode, scan.Location?.Facility, days); // clean precision-names
        logger.LogInformation("Kit {KitBarcode} returned by {NhsNumberHash}", kit.KitBarcode, kit.NhsNumber.GetHashCode()); // leak TC1002 hashes
    }

    public void ChaseOverdue(IReadOnlyList<SamplingKit> overdue)
    {
        logger.LogInformation("{Count} kits overdue in {Programmes}", overdue.Count, string.Join(",", overdue.Select(k => k.Programme).Distinct())); // clean precision-about
        logger.LogInformation("Overdue kits: {Patients}", string.Join(";", overdue.Select(k => k.NhsNumber))); // leak TC1001 strings
        logger.LogInformation("Overdue kits: {Barcodes}", string.Join(";", overdue.Select(k => k.KitBarcode))); // clean strings
        Activity.Current?.SetTag("kit.overdue.patients", string.Join(",", overdue.Select(k => pseudonymizer.ComputeRxdropRecipientId(k.NhsNumber)))); // clean precision-pseudonym
        Activity.Current?.SetBaggage("screening.patient", overdue.FirstOrDefault()?.NhsNumber); // leak TC1001 direct
    }
}
