namespace PrivacyHoldout123.Retail;

/// <summary>A supplier's invoice as the accounts payable scanning service extracts it.</summary>
public sealed record SupplierInvoice(string SupplierId, string SupplierName, string SupplierVatNumber, string InvoiceNumber, string PurchaseOrder, decimal Net, decimal Vat, string Currency, string RemitToIban);

/// <summary>A goods receipt against a purchase order, booked by a store.</summary>
public sealed record GoodsReceipt(string PurchaseOrder, string Store, int UnitsReceived, decimal Value, string ReceivedByStaffNumber);

/// <summary>Three-way matches supplier invoices to purchase orders and goods receipts, then posts them to the ledger.</summary>
public sealed class SupplierInvoicePosting(ILedgerClient ledger, Pseudonymizer pseudonymizer, ILogger<SupplierInvoicePosting> logger)
{
    private static readonly ActivitySource Source = new("Retail.Finance.Payables");
    private static readonly Meter Meter = new("Retail.Finance.Payables");
    private static readonly Counter<long> Matches = Meter.CreateCounter<long>("retfin.ap.matches");
    private readonly RetfinPostingsCounter _postings = Meter.CreateRetfinPostingsCounter();

    public async Task PostAsync(SupplierInvoice invoice, GoodsReceipt receipt, string knownIban, string approverEmail, CancellationToken ct)
    {
        using var span = Source.StartRetfinPost(invoice.InvoiceNumber, "supplier_invoice")
            .SetRetfinStore(receipt.Store) // clean direct
            .SetRetfinAmount((double)(invoice.Net + invoice.Vat)) // clean precision-about
            .SetRetfinCurrency(invoice.Currency); // clean direct
        span.Activity?.SetTag("retfin.supplier.id", invoice.SupplierId); // clean precision-names
        span.Activity?.SetTag("retfin.supplier.name", invoice.SupplierName); // clean precision-names
        span.Activity?.SetTag("retfin.supplier.vat_number", invoice.SupplierVatNumber); // clean precision-names
        span.Activity?.SetTag("retfin.purchase_order", invoice.PurchaseOrder); // clean precision-names
        logger.LogInformation("Supplier invoice received {Invoice}", invoice); // clean logging-objects

        if (!string.Equals(invoice.RemitToIban, knownIban, StringComparison.Ordinal))
        {
            // Bank detail changes on an invoice are the classic mandate fraud: hold for a call-back.
            span.SetRetfinOutcome("held_bank_change").SetRetfinNote($"remit-to changed from {knownIban[^4..]} to {invoice.RemitToIban[^4..]}"); // clean precision-about
            logger.LogWarning("Supplier {Supplier} changed remit-to account to {Iban}", invoice.SupplierName, invoice.RemitToIban); // clean precision-names
            logger.LogWarning("Bank change on {Invoice} to be approved by {Approver}", invoice.InvoiceNumber, approverEmail); // leak TC1001 direct
            return;
        }

        var difference = invoice.Net - receipt.Value;
        span.Activity?.SetTag("retfin.match.difference", (double)difference); // clean precision-about
        span.Activity?.SetTag("retfin.received_by", receipt.ReceivedByStaffNumber); // leak TC1001 direct
        span.SetRetfinAgentId(pseudonymizer.PseudonymizeRetfinAgentId(receipt.ReceivedByStaffNumber)); // clean precision-pseudonym
        logger.LogDebug("Goods receipt {Receipt}", receipt); // leak TC1001 logging-objects
        Matches.Add(1, new KeyValuePair<string, object?>("retfin.match", Math.Abs(difference) < 1m ? "matched" : "variance"), new KeyValuePair<string, object?>("retfin.store", receipt.Store)); // clean direct

        var journal = new JournalEntry($"AP-{invoice.SupplierId}-{invoice.InvoiceNumber}", DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), DateOnly.FromDateTime(DateTime.UtcNow), "ap", new[]
        {
            new JournalLine("5000", invoice.Net, 0m, receipt.Store, $"{invoice.SupplierName} {invoice.InvoiceNumber}"),
            new JournalLine("2201", invoice.Vat, 0m, null, $"Input VAT {invoice.InvoiceNumber}"),
            new JournalLine("2100", 0m, invoice.Net + invoice.Vat, null, $"{invoice.SupplierName} {invoice.InvoiceNumber}"),
        });
        try
        {
            var result = await ledger.PostAsync(journal, ct);
            logger.LogInformation("Posted {@Journal}", journal); // clean logging-objects
            span.SetRetfinOutcome("posted").SetRetfinLedgerAccount("2100"); // clean direct
            _postings.Add(1, "supplier_invoice", "posted", invoice.Currency); // clean generated-api
            Activity.Current?.SetTag("retfin.supplier.dedupe", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(invoice.SupplierId + invoice.InvoiceNumber)))); // clean hashes
        }
        catch (PostingException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.Account); // clean exceptions
            logger.LogError(ex, "AP posting failed for {Invoice}", invoice.InvoiceNumber); // clean exceptions
            _postings.Add(1, "supplier_invoice", "failed", invoice.Currency); // clean generated-api
        }
    }
}
