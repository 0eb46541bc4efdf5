namespace PrivacyHoldout123.Healthcare;

/// <summary>One claim settled in an insurer's remittance advice.</summary>
public sealed record ClaimSettlement(string ClaimNumber, string MembershipNumber, string HospitalNumber, string PatientSurname, decimal Billed, decimal Paid, string? ShortfallReason);

/// <summary>An insurer's remittance advice: one bank payment covering many claims.</summary>
public sealed record RemittanceAdvice(string Insurer, string PaymentReference, DateOnly PaidOn, decimal Total, IReadOnlyList<ClaimSettlement> Claims);

/// <summary>Matches insurers' bulk payments on the bank statement to their remittance advices and the claims inside.</summary>
public sealed class InsurerRemittanceMatcher(IBankFeed feed, IInvoiceStore invoices, TelemetrySecrets secrets, FinanceOptions options, ILogger<InsurerRemittanceMatcher> logger)
{
    private static readonly ActivitySource Source = new("Hospital.PatientAccounts.Remittance");
    private static readonly Meter Meter = new("Hospital.PatientAccounts.Remittance");
    private static readonly Histogram<double> Shortfall = Meter.CreateHistogram<double>("ptbill.claim.shortfall", "GBP");

    public async Task MatchAsync(RemittanceAdvice advice, CancellationToken ct)
    {
        var statement = await feed.LatestAsync(options.CollectionAccountIban, ct);
        using var span = Source.StartPtbillPost(advice.PaymentReference, "remittance")
            .SetPtbillInsurer(advice.Insurer) // clean precision-names
            .SetPtbillLineCount(advice.Claims.Count); // clean precision-about
        span.Activity?.SetTag("ptbill.statement.account", statement.AccountIban); // clean precision-names

        var entry = statement.Entries.FirstOrDefault(e => e.RemittanceInformation?.Contains(advice.PaymentReference) == true);
        if (entry is null)
        {
            span.SetPtbillOutcome("unmatched").SetPtbillReference(advice.PaymentReference); // clean generated-api
            logger.LogWarning("No statement line for {Insurer} payment {Reference} of {Total}", advice.Insurer, advice.PaymentReference, advice.Total); // clean precision-names
            return;
        }

        logger.LogInformation("Matched {Insurer} payment to {@Entry}", advice.Insurer, new { entry.EntryReference, entry.Amount, entry.BookingDate }); // clean logging-objects

        foreach (var claim in advice.Claims)
        {
            var invoice = await invoices.FindAsync(claim.ClaimNumber, ct);
            if (invoice is null)
            {
                logger.LogWarning("Claim {Claim} in {Reference} has no invoice: {Settlement}", claim.ClaimNumber, advice.PaymentReference, claim); // leak TC1001 logging-objects
                continue;
            }

            if (claim.Paid < claim.Billed)
            {
                Shortfall.Record((double)(claim.Billed - claim.Paid), new KeyValuePair<string, object?>("ptbill.insurer", advice.Insurer)); // clean precision-about
                Activity.Current?.AddEvent(new ActivityEvent("ptbill.shortfall", tags: new ActivityTagsCollection { ["ptbill.claim"] = claim.ClaimNumber, ["ptbill.reason"] = claim.ShortfallReason })); // clean precision-names
                logger.LogInformation("Shortfall on {Claim} for member {Member}: patient {Surname} to be billed {Amount}", claim.ClaimNumber, claim.MembershipNumber, claim.PatientSurname, claim.Billed - claim.Paid); // leak TC1001 direct
                Activity.Current?.SetTag("ptbill.patient.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(claim.HospitalNumber)))[..4]); // clean hashes
                Activity.Current?.SetTag("ptbill.patient.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.HospitalNumber)))); // leak TC1002 hashes
            }

            invoice.AmountPaid += claim.Paid;
            invoice.Status = invoice.AmountDue <= 0 ? InvoiceStatus.Paid : InvoiceStatus.Open;
            await invoices.SaveAsync(invoice, ct);
        }

        var patients = advice.Claims.Select(c => c.HospitalNumber).Distinct().ToList();
        span.SetPtbillNote($"settled claims for {string.Join(",", patients)}"); // leak TC1001 generated-api
        span.SetPtbillNote($"settled {patients.Count} patients' claims"); // clean generated-api
        span.SetPtbillOutcome("matched").SetPtbillAmount((double)advice.Total); // clean direct
        Baggage.SetBaggage("ptbill.remittance", advice.PaymentReference); // clean direct
    }
}
