namespace PrivacyHoldout109.Energy;

/// <summary>A bill to be printed and posted: the account, the holder's name and address and the amount.</summary>
public sealed record PrintBill(string AccountNumber, string HolderName, string AddressLine1, string Postcode, string Email, decimal Amount, string Template);

/// <summary>Builds the print house's CSV of bills, drops it with a manifest, and reconciles the print house's dispatch confirmation.</summary>
public sealed class BillPrintFileDrop(
    ActivitySource source,
    Meter meter,
    ILogger<BillPrintFileDrop> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint printHouse)
{
    private readonly Counter<long> _bills = meter.CreateCounter<long>("meterfeed.print.bills", "{bill}");

    public string Drop(IReadOnlyList<PrintBill> bills, DateOnly runDate)
    {
        var fileName = $"BILLS_{runDate:yyyyMMdd}_{bills.Count:D6}.csv";
        using var span = source.StartMeterfeedTransfer(printHouse.PartnerCode, "outbound");
        span.SetMeterfeedFileName(fileName); // clean precision-names
        var csv = new StringBuilder("account_number,name,address1,postcode,amount,template\r\n");
        foreach (var bill in bills)
        {
            csv.Append(Csv.Line(bill.AccountNumber, bill.HolderName, bill.AddressLine1, bill.Postcode, bill.Amount, bill.Template)).Append("\r\n");
            _bills.Add(1, new KeyValuePair<string, object?>("template", bill.Template)); // clean precision-names
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var manifest = new FileManifest(fileName, bytes.Length, bills.Count, FileManifest.Sha256Of(bytes), DateTimeOffset.UtcNow);
        logger.LogInformation("Print file {Manifest}", manifest); // clean logging-objects
        logger.LogDebug("Print file starts {Head}", csv.ToString(0, Math.Min(csv.Length, 300))); // leak TC1001 strings
        span.SetMeterfeedFileChecksum(manifest.Sha256); // clean hashes
        span.SetMeterfeedRecordCount(bills.Count); // clean precision-about
        Activity.Current?.SetTag("print.templates", string.Join(",", bills.Select(b => b.Template).Distinct())); // clean precision-names
        Activity.Current?.SetTag("print.postcode.districts", string.Join(",", bills.Select(b => b.Postcode.Split(' ')[0]).Distinct().Take(10))); // clean precision-about

        sftp.Connect();
        sftp.UploadFile(new MemoryStream(bytes), printHouse.OutboundDir + "/" + fileName);
        sftp.UploadFile(new MemoryStream(Encoding.ASCII.GetBytes(manifest.ToControlLine())), printHouse.OutboundDir + "/" + fileName + ".ok");
        return fileName;
    }

    /// <summary>Reads the dispatch confirmation (account number, status) and compares it with what was dropped.</summary>
    public ReconciliationReport Reconcile(string fileName, IReadOnlyList<PrintBill> dropped, string confirmationText)
    {
        using var span = source.StartMeterfeedImport(printHouse.PartnerCode, fileName + ".dispatch");
        var confirmed = Csv.Read(confirmationText).ToDictionary(r => r["account_number"], r => r["status"]);
        var breaks = new List<ReconciliationBreak>();
        foreach (var bill in dropped)
        {
            if (!confirmed.TryGetValue(bill.AccountNumber, out var status) || status != "POSTED")
            {
                breaks.Add(new ReconciliationBreak(bill.AccountNumber, bill.Amount, 0m, status ?? "missing"));
                Activity.Current?.AddEvent(new ActivityEvent("print.not_posted", tags: new ActivityTagsCollection { ["status"] = status ?? "missing", ["account"] = bill.AccountNumber })); // leak TC1001 direct
                Activity.Current?.AddEvent(new ActivityEvent("print.not_posted.ref", tags: new ActivityTagsCollection { ["account"] = pseudonymizer.ComputeMeterfeedAccountId(bill.AccountNumber), ["email.domain"] = bill.Email[(bill.Email.IndexOf('@') + 1)..] })); // clean precision-pseudonym
            }
        }
        var report = new ReconciliationReport(printHouse.PartnerCode, DateOnly.FromDateTime(DateTime.UtcNow), dropped.Count - breaks.Count, breaks.Count, confirmed.Count - (dropped.Count - breaks.Count), breaks.Sum(b => b.Ours)) { Breaks = breaks };
        logger.LogInformation("Dispatch reconciliation {Report}", report); // clean logging-objects
        logger.LogWarning("Not posted: {Breaks}", breaks); // leak TC1001 logging-objects
        logger.LogWarning("Not posted: {Keys}", string.Join(",", breaks.Select(b => b.Key))); // leak TC1001 cross-member
        span.SetMeterfeedRejectedCount(breaks.Count); // clean precision-about
        span.SetMeterfeedOutcome(breaks.Count == 0 ? "reconciled" : "breaks"); // clean generated-api
        span.SetMeterfeedNote($"first break: {breaks.FirstOrDefault()?.Status}"); // clean precision-names
        return report;
    }
}
