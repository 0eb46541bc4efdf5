namespace PrivacyHoldout123.Healthcare;

/// <summary>Raises self-pay invoices for private treatment, mails them and issues credit notes on complaints.</summary>
public sealed class PatientInvoiceService(
    IInvoiceStore invoices,
    IInvoiceRenderer renderer,
    IInvoiceMailer mailer,
    ILedgerClient ledger,
    Pseudonymizer pseudonymizer,
    FinanceOptions options,
    ILogger<PatientInvoiceService> logger)
{
    private static readonly ActivitySource Source = new("Hospital.PatientAccounts");
    private static readonly Meter Meter = new("Hospital.PatientAccounts");
    private static readonly Counter<long> InvoicesRaised = Meter.CreateCounter<long>("ptbill.invoices.raised");

    public async Task<Invoice> RaiseAsync(string hospitalNumber, Party patient, IReadOnlyList<InvoiceLine> lines, CancellationToken ct)
    {
        var number = $"PI-{DateTime.UtcNow:yyyyMM}-{Random.Shared.Next(100000, 999999)}";
        using var span = Source.StartPtbillPost(number, "invoice")
            .SetPtbillInsurer("self-pay")
            .SetPtbillCustomerId(pseudonymizer.PseudonymizePtbillCustomerId(hospitalNumber)) // clean precision-pseudonym
            .SetPtbillLineCount(lines.Count); // clean precision-about

        var invoice = new Invoice
        {
            Number = number,
            CustomerAccount = hospitalNumber,
            BillTo = patient,
            IssuedOn = DateOnly.FromDateTime(DateTime.UtcNow),
            DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
        };
        invoice.Lines.AddRange(lines);
        invoice.Metadata["episode"] = lines[0].Description;

        span.SetPtbillAmount((double)invoice.Gross).SetPtbillCurrency(invoice.Currency); // clean precision-about
        span.Activity?.SetTag("ptbill.invoice.due", invoice.DueOn.ToString("O")); // clean precision-names
        span.Activity?.SetTag("ptbill.invoice.account", invoice.CustomerAccount); // leak TC1001 cross-member

        if (!patient.Email.Contains('@'))
        {
            var error = new InvoiceValidationException("bill-to email", patient.Email);
            span.RecordException(error, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Invoice {Invoice} held: {Reason}", number, error.Message); // leak TC1001 exceptions
            throw error;
        }

        logger.LogInformation("Raising {Invoice} for {@BillTo}", number, invoice.BillTo); // leak TC1001 logging-objects
        logger.LogInformation("Raising {Invoice} with {Lines} lines, {Gross} due {Due}", number, invoice.Lines.Count, invoice.Gross, invoice.DueOn); // clean precision-about

        await invoices.SaveAsync(invoice, ct);
        var pdf = await renderer.RenderPdfAsync(invoice, ct);
        logger.LogDebug("Rendered {FileName} ({Bytes} bytes)", pdf.FileName, pdf.Content.Length); // clean precision-names
        await mailer.SendAsync(patient.Email, pdf, ct);
        logger.LogInformation("Invoice {Invoice} mailed to {Recipient}", number, patient.Email); // leak TC1001 direct
        logger.LogInformation("Invoice {Invoice} mailed to a {Domain} address", number, patient.Email.Split('@')[1]); // clean precision-about

        var journal = new JournalEntry($"J-{number}", invoice.IssuedOn.ToString("yyyy-MM"), invoice.IssuedOn, "ptbill", new[]
        {
            new JournalLine(options.ReceivablesAccount, invoice.Gross, 0m, "SELFPAY", $"Invoice {number}"),
            new JournalLine(options.RevenueAccount, 0m, invoice.Net, "SELFPAY", $"Invoice {number}"),
            new JournalLine(options.VatControlAccount, 0m, invoice.Vat, null, $"VAT on {number}"),
        });
        var posted = await ledger.PostAsync(journal, ct);
        logger.LogInformation("Posted {@Journal} as {@Result}", journal, posted); // clean logging-objects
        span.SetPtbillLedgerAccount(options.ReceivablesAccount).SetPtbillOutcome(posted.Posted ? "posted" : "held"); // clean direct
        InvoicesRaised.Add(1, new KeyValuePair<string, object?>("ptbill.insurer", "self-pay")); // clean direct
        return invoice;
    }

    public async Task<CreditNote> CreditAsync(Invoice invoice, decimal amount, string reason, string agentStaffId, CancellationToken ct)
    {
        var note = new CreditNote($"CN-{invoice.Number[3..]}", invoice.Number, invoice.CustomerAccount, amount, reason, DateOnly.FromDateTime(DateTime.UtcNow));
        using var span = Source.StartPtbillPost(note.Number, "credit_note")
            .SetPtbillAgentId(pseudonymizer.PseudonymizePtbillAgentId(agentStaffId)) // clean precision-pseudonym
            .SetPtbillAmount((double)amount); // clean precision-about
        span.SetPtbillNote($"credit against {note.InvoiceNumber}: {reason}"); // clean generated-api
        logger.LogInformation("Credit note issued: {Note}", note); // leak TC1001 logging-objects
        logger.LogInformation("Credit note {Number} against {Invoice} for {Amount} by {Agent}", note.Number, note.InvoiceNumber, note.Amount, agentStaffId); // leak TC1001 direct
        await invoices.SaveAsync(note, ct);
        return note;
    }
}
