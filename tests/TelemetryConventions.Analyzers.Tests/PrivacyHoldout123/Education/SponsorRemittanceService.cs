namespace PrivacyHoldout123.Education;

/// <summary>Matches sponsors' and the loan company's fee payments to students' invoices, and refunds bursaries.</summary>
public sealed class SponsorRemittanceService(IBankFeed feed, IInvoiceStore invoices, IFasterPaymentsClient bank, Pseudonymizer pseudonymizer, FinanceOptions options, ILogger<SponsorRemittanceService> logger)
{
    private static readonly ActivitySource Source = new("University.Fees.Remittance");
    private static readonly Meter Meter = new("University.Fees.Remittance");
    private static readonly Counter<long> Unmatched = Meter.CreateCounter<long>("feebill.remittance.unmatched");

    public async Task ReconcileAsync(CancellationToken ct)
    {
        var statement = await feed.LatestAsync(options.CollectionAccountIban, ct);
        using var span = Source.StartFeebillPost(statement.StatementId, "statement")
            .SetFeebillLineCount(statement.Entries.Count); // clean precision-about
        span.Activity?.SetTag("feebill.statement.closing", (double)statement.ClosingBalance); // clean precision-about

        foreach (var entry in statement.Entries)
        {
            var match = await MatchAsync(entry, ct);
            logger.LogDebug("Match {Result}", match); // clean logging-objects
            if (match.Confidence == MatchConfidence.None)
            {
                Unmatched.Add(1, new KeyValuePair<string, object?>("feebill.bank_code", entry.BankTransactionCode)); // clean precision-names
                logger.LogWarning("Unmatched receipt {Entry}", entry); // leak TC1001 logging-objects
                logger.LogWarning("Unmatched receipt of {Amount} from {Payer}: '{Remittance}'", entry.Amount, entry.DebtorName, entry.RemittanceInformation); // leak TC1001 direct
                span.Activity?.AddEvent(new ActivityEvent("feebill.unmatched", tags: new ActivityTagsCollection { ["feebill.entry"] = entry.EntryReference, ["feebill.amount"] = (double)entry.Amount })); // clean precision-names
            }
        }
    }

    private async Task<MatchResult> MatchAsync(StatementEntry entry, CancellationToken ct)
    {
        // Sponsors quote the invoice number; students paying themselves usually type their student number.
        var text = entry.RemittanceInformation ?? string.Empty;
        var invoice = await invoices.FindAsync(text.Trim(), ct);
        if (invoice is not null)
        {
            return new MatchResult(entry.EntryReference, invoice.Number, MatchConfidence.Exact, invoice.AmountDue - entry.Amount, "invoice-number");
        }
        var studentNumber = new string(text.Where(char.IsDigit).ToArray());
        Activity.Current?.SetTag("feebill.remittance.digits", studentNumber.Length); // clean precision-about
        Activity.Current?.SetTag("feebill.remittance.text", text); // leak TC1001 direct
        return new MatchResult(entry.EntryReference, null, MatchConfidence.None, entry.Amount, "none");
    }

    public async Task RefundBursaryAsync(string studentNumber, BankDetails payee, decimal amount, CancellationToken ct)
    {
        using var span = Source.StartFeebillCollect("bursary_refund")
            .SetFeebillCustomerId(pseudonymizer.PseudonymizeFeebillCustomerId(studentNumber)) // clean precision-pseudonym
            .SetFeebillAmount((double)amount); // clean precision-about
        var reference = $"BURSARY {studentNumber}";
        span.SetFeebillReference(reference); // leak TC1001 generated-api
        span.Activity?.SetTag("feebill.payee.account_hash", payee.AccountNumber.GetHashCode().ToString("x8", CultureInfo.InvariantCulture)); // leak TC1002 hashes
        span.Activity?.SetTag("feebill.payee.account.last4", payee.AccountNumber[^4..]); // clean precision-about
        try
        {
            var submission = await bank.SendAsync(new OutboundPayment(payee.AccountHolderName, payee.SortCode, payee.AccountNumber, amount, reference), ct);
            span.SetFeebillOutcome(submission.Status); // clean direct
        }
        catch (PaymentRejectedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetFeebillNote(ex.ReasonCode); // clean exceptions
        }
    }
}
