namespace PrivacyHoldout161.Retail;

/// <summary>Scans the shopper's boarding pass at the duty-free till to apply the destination's tax rules.</summary>
public sealed class TillBoardingPassScanner(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TillBoardingPassScanner> logger)
{
    private static readonly ActivitySource Source = new("DutyFree.Till.Scan");
    private static readonly Meter Meter = new("DutyFree.Till.Scan");
    private static readonly Counter<long> Scans = Meter.CreateCounter<long>("till.boarding_pass.scans");

    private BoardingPassScan? lastScan;
    private readonly Queue<string> recentBarcodes = new();

    public TillSale Ring(BoardingPassScan scan, string store, string sku, decimal amount, string cashierStaffId)
    {
        using var span = Source.StartDutyfreeOperation(store);
        span.SetDutyfreeCashierId(pseudonymizer.PseudonymizeDutyfreeCashierId(cashierStaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("till.destination", scan.Destination); // clean precision-names
        Activity.Current?.SetTag("till.non_eu", scan.NonEu); // clean precision-about
        Activity.Current?.SetTag("till.flight", scan.FlightNumber); // clean precision-names
        Activity.Current?.SetTag("till.cashier", cashierStaffId); // leak TC1001 direct
        Activity.Current?.SetTag("till.boarding_pass", scan.Barcode); // leak TC1001 direct
        logger.LogInformation("Boarding pass scanned {Scan}", scan); // leak TC1001 logging-objects

        lastScan = scan;
        recentBarcodes.Enqueue(scan.Barcode);
        if (recentBarcodes.Count > 20)
        {
            recentBarcodes.Dequeue();
        }

        var sale = new TillSale(Guid.NewGuid(), store, sku, amount, scan.Destination);
        logger.LogInformation("Sale {@Sale}", sale); // clean logging-objects
        Scans.Add(1, new KeyValuePair<string, object?>("till.store", store), new KeyValuePair<string, object?>("till.destination", scan.Destination)); // clean precision-names
        Scans.Add(1, new KeyValuePair<string, object?>("till.cashier", cashierStaffId)); // leak TC1003 direct
        Scans.Add(1, new KeyValuePair<string, object?>("till.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(scan.Barcode))[0] % 4)); // clean hashes
        Meter.CreateDutyfreeSalesCounter().Add(1, store, dutyfreeOutcome: scan.NonEu ? "tax_free" : "vat"); // clean generated-api
        return sale;
    }

    public void Diagnose()
    {
        logger.LogDebug("Last scan for {Passenger}", lastScan?.PassengerName); // leak TC1001 cross-member
        logger.LogDebug("Last scan to {Destination}", lastScan?.Destination); // clean cross-member
        Activity.Current?.SetTag("till.recent", recentBarcodes.ToArray()); // leak TC1001 cross-member
        Activity.Current?.SetTag("till.recent.count", recentBarcodes.Count); // clean cross-member
    }
}
