namespace PrivacyHoldout82.Energy;

/// <summary>A bill line of the nightly extract, in the new billing service's model.</summary>
public sealed record LegacyBill(string AccountNumber, string Mpan, string HolderName, string TariffCode, decimal Amount, string Status);

/// <summary>
/// Reads the billing mainframe's nightly extract (<c>BILL.EXTRACT.DyyMMdd.G0001V00</c>, EBCDIC, 64-byte
/// records, copybook CUSTBILL) from the SFTP drop. The copybook:
/// <code>
///   05 ACCT-NO    PIC X(10).          offset 0
///   05 MPAN       PIC X(13).          offset 10
///   05 CUST-NAME  PIC X(30).          offset 23
///   05 TARIFF     PIC X(4).           offset 53
///   05 BILL-AMT   PIC S9(7)V99 COMP-3 offset 57, 5 bytes
///   05 BILL-STAT  PIC XX.             offset 62
/// </code>
/// </summary>
public sealed class BillingCopybookReader(ISftpClient sftp, ActivitySource source, Meter meter, ILogger<BillingCopybookReader> logger)
{
    private const int RecordLength = 64;

    private static readonly RecordLayout CustBill = new("CUSTBILL", RecordLength,
    [
        new FieldSpec("ACCT-NO", 0, 10),
        new FieldSpec("MPAN", 10, 13),
        new FieldSpec("CUST-NAME", 23, 30),
        new FieldSpec("TARIFF", 53, 4),
        new FieldSpec("BILL-AMT", 57, 5, FieldKind.Packed, 2),
        new FieldSpec("BILL-STAT", 62, 2),
    ]);

    private static readonly Dictionary<string, string> Statuses = new() { ["00"] = "issued", ["10"] = "held", ["20"] = "estimated", ["99"] = "suppressed" };

    private readonly Histogram<double> _amounts = meter.CreateHistogram<double>("billing.extract.amount", "GBP");

    public async Task<IReadOnlyList<LegacyBill>> ReadAsync(DateOnly businessDate, CancellationToken cancellationToken)
    {
        var fileName = BatchNames.ForDate("BILL.EXTRACT", businessDate);
        using var batch = source.StartBillbridgeBatch(fileName); // clean precision-about
        var bytes = await sftp.ReadAllBytesAsync("/mainframe/out/" + fileName, cancellationToken);
        batch.SetBillbridgeRecordCount(bytes.Length / RecordLength).SetBillbridgeLegacySystem("cics-billing"); // clean precision-about
        logger.LogInformation("{File}: {Bytes} bytes, {Records} CUSTBILL records", fileName, bytes.Length, bytes.Length / RecordLength); // clean precision-about

        var bills = new List<LegacyBill>();
        for (var offset = 0; offset + RecordLength <= bytes.Length; offset += RecordLength)
        {
            var record = bytes.AsSpan(offset, RecordLength);
            var text = Ebcdic.Decode(record[..57]);
            var accountNumber = text.Substring(0, 10);
            var tariff = text.Substring(53, 4);
            var status = Ebcdic.Decode(record.Slice(62, 2));
            decimal amount;
            try
            {
                amount = PackedDecimal.Unpack(record.Slice(57, 5), 2);
            }
            catch (PackedDecimalException ex)
            {
                logger.LogWarning(ex, "Bad BILL-AMT in record {Index} of {File}", offset / RecordLength, fileName); // clean exceptions
                continue;
            }

            if (!Statuses.TryGetValue(status, out var statusName))
            {
                var mismatch = new LayoutMismatchException("CUSTBILL", offset / RecordLength + 1, text, $"BILL-STAT '{status}' unknown");
                logger.LogError("Rejected: {Reason}", mismatch.Message); // leak TC1001 exceptions
                logger.LogError("Rejected record {Index}: {Reason}", mismatch.LineNumber, mismatch.Reason); // clean exceptions
                continue;
            }

            if (statusName == "held")
            {
                logger.LogInformation("Bill held for account {Account} on tariff {Tariff}", accountNumber, tariff); // leak TC1001 direct
                logger.LogDebug("Held bill's supply point {Mpan}", text.Substring(10, 13)); // leak TC1001 direct
            }
            _amounts.Record((double)amount, new KeyValuePair<string, object?>("tariff", tariff), new KeyValuePair<string, object?>("status", statusName)); // clean precision-about
            bills.Add(new LegacyBill(accountNumber, text.Substring(10, 13), text.Substring(23, 30).TrimEnd(), tariff, amount, statusName));
        }

        logger.LogDebug("CUSTBILL layout {Layout}", CustBill.Fields); // clean precision-names
        logger.LogDebug("Account number taken from offset {Offset}, length {Length}", CustBill["ACCT-NO"].Offset, CustBill["ACCT-NO"].Length); // clean precision-names
        var suppressed = bills.Where(b => b.Status == "suppressed").ToList();
        batch.SetBillbridgeNote($"{suppressed.Count} suppressed, total {suppressed.Sum(b => b.Amount):0.00}"); // clean generated-api
        if (suppressed.Count > 0)
        {
            batch.SetBillbridgeNote("suppressed: " + string.Join(", ", suppressed.Select(b => b.HolderName))); // leak TC1001 generated-api
            logger.LogWarning("Suppressed bills: {Bills}", suppressed); // leak TC1001 logging-objects
        }
        var sample = bills.FirstOrDefault(b => b.Amount > 5000m);
        if (sample is not null)
        {
            Activity.Current?.SetTag("billing.outlier.ref", sample.Mpan.GetHashCode()); // leak TC1002 hashes
        }
        return bills;
    }
}
