namespace PrivacyHoldout84.Energy;

/// <summary>Exports the month's recognised tariff revenue and the customer sub-ledger to the finance system.</summary>
public sealed class RevenueExportJob(ILogger<RevenueExportJob> logger, Meter meter)
{
    private readonly Histogram<long> _rows = meter.CreateHistogram<long>("tariff.revrec.export.rows");
    private readonly ActivitySource _export = new("Tariff.RevRec");

    public ExportBatch Export(DateOnly period, IReadOnlyList<RevenueLine> lines, IReadOnlyList<SubLedgerRow> ledger)
    {
        var batchId = $"REVREC-{period:yyyyMM}-{lines.Count:D6}";
        using var activity = _export.StartActivity("revrec.export");
        activity?.SetTag("revrec.batch", batchId); // clean precision-about
        activity?.SetTag("revrec.period", period.ToString("yyyy-MM", CultureInfo.InvariantCulture));

        foreach (var group in lines.GroupBy(l => l.Treatment))
        {
            _rows.Record(group.LongCount(), new KeyValuePair<string, object?>("treatment", group.Key), new KeyValuePair<string, object?>("currency", group.First().Currency)); // clean precision-about
        }

        var deferred = lines.Where(l => l.ServiceEnd > period.AddMonths(1)).ToList();
        logger.LogInformation("Deferred revenue lines {Lines}", deferred.Take(5)); // clean logging-objects
        logger.LogInformation("First deferred line {Line}", deferred.FirstOrDefault()); // clean logging-objects

        var unmatched = ledger.Where(r => !lines.Any(l => l.InvoiceNumber == r.InvoiceNumber)).ToList();
        if (unmatched.Count > 0)
        {
            logger.LogWarning("{Count} sub-ledger rows have no revenue line, e.g. {Row}", unmatched.Count, unmatched[0]); // leak TC1001 logging-objects
            activity?.AddEvent(new ActivityEvent("revrec.unmatched", tags: new ActivityTagsCollection { ["customers"] = string.Join(",", unmatched.Select(r => r.CustomerName)) })); // leak TC1001 cross-member
            activity?.SetTag("revrec.unmatched.invoices", string.Join(",", unmatched.Select(r => r.InvoiceNumber))); // clean precision-about
        }

        var byCustomer = ledger.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        logger.LogDebug("Sub-ledger totals {Totals}", byCustomer); // leak TC1001 cross-member
        logger.LogDebug("Sub-ledger has {Customers} customers, largest balance {Largest}", byCustomer.Count, byCustomer.Values.DefaultIfEmpty().Max()); // clean precision-about

        var total = lines.Sum(l => l.Amount);
        var batch = new ExportBatch(batchId, period, lines.Count, total, "gbp");
        logger.LogInformation("Export batch {Batch}", batch); // clean logging-objects
        return batch;
    }
}
