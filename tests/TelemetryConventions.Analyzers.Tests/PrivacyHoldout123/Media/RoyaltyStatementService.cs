namespace PrivacyHoldout123.Media;

/// <summary>An independent creator paid royalties on their titles.</summary>
public sealed record Creator(string CreatorId, string LegalName, string Email, PayeeTaxDetails Tax, BankDetails Bank);

/// <summary>A royalty statement line: one title's streams in one territory.</summary>
public sealed record RoyaltyLine(string TitleId, string Territory, long Streams, decimal Rate, decimal Amount);

/// <summary>Builds creators' quarterly royalty statements, posts the accrual and pays them.</summary>
public sealed class RoyaltyStatementService(ILedgerClient ledger, IFasterPaymentsClient bank, Pseudonymizer pseudonymizer, ILogger<RoyaltyStatementService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Finance.Royalties");
    private static readonly Meter Meter = new("Streaming.Finance.Royalties");
    private static readonly Histogram<double> Payouts = Meter.CreateHistogram<double>("subbill.royalty.payout", "GBP");

    public async Task PayAsync(Creator creator, IReadOnlyList<RoyaltyLine> lines, string quarter, CancellationToken ct)
    {
        var total = lines.Sum(l => l.Amount);
        var statementNumber = $"RS-{quarter}-{Random.Shared.Next(10000, 99999)}";
        using var span = Source.StartSubbillPost(statementNumber, "royalty_statement")
            .SetSubbillPeriod(quarter) // clean direct
            .SetSubbillLineCount(lines.Count) // clean precision-about
            .SetSubbillAmount((double)total); // clean precision-about
        span.Activity?.SetTag("subbill.creator", pseudonymizer.Compute("creator", creator.CreatorId)); // clean precision-pseudonym
        span.Activity?.SetTag("subbill.creator.vat_registered", creator.Tax.VatRegistered); // clean precision-about
        span.Activity?.SetTag("subbill.creator.utr", creator.Tax.Utr); // leak TC1001 direct
        span.Activity?.SetTag("subbill.top_territory", lines.OrderByDescending(l => l.Amount).First().Territory); // clean precision-names
        logger.LogInformation("Royalty statement {Statement} for {Quarter}: {Lines}", statementNumber, quarter, string.Join("; ", lines.Select(l => $"{l.TitleId}/{l.Territory}={l.Amount:0.00}"))); // clean strings
        logger.LogInformation("Statement {Statement} for creator {Creator}", statementNumber, creator); // leak TC1001 logging-objects
        logger.LogDebug("Tax details checked: {Tax}", creator.Tax); // leak TC1001 logging-objects

        var journal = new JournalEntry($"J-{statementNumber}", quarter, DateOnly.FromDateTime(DateTime.UtcNow), "royalties", new[]
        {
            new JournalLine("5100", total, 0m, "CREATORS", $"Royalties {quarter}"),
            new JournalLine("2150", 0m, total, "CREATORS", $"Royalties payable {quarter}"),
        });
        var posted = await ledger.PostAsync(journal, ct);
        logger.LogInformation("Accrual {Journal} posted in batch {Batch}", posted.JournalId, posted.LedgerBatch); // clean precision-names

        var payment = new OutboundPayment(creator.LegalName, creator.Bank.SortCode, creator.Bank.AccountNumber, total, statementNumber);
        var check = await bank.ConfirmPayeeAsync(creator.LegalName, creator.Bank.SortCode, creator.Bank.AccountNumber, ct);
        if (check.Result != "MATCH")
        {
            span.SetSubbillOutcome("payee_check_failed").SetSubbillNote($"{check.Result} {check.ReasonCode}"); // clean generated-api
            span.SetSubbillNote($"payee check failed for {creator.LegalName}"); // leak TC1001 generated-api
            span.Activity?.SetTag(SubbillAttributes.BankAccount, creator.Bank.Iban); // leak TC1001 direct
            return;
        }

        var submission = await bank.SendAsync(payment, ct);
        span.SetSubbillReference(statementNumber).SetSubbillOutcome(submission.Status); // clean generated-api
        Payouts.Record((double)total, new KeyValuePair<string, object?>("subbill.quarter", quarter)); // clean direct
        Payouts.Record((double)total, new KeyValuePair<string, object?>("subbill.creator", creator.CreatorId)); // leak TC1003 direct
        logger.LogInformation("Paid {Amount} to {Email} by {Submission}", total, creator.Email, submission.SubmissionId); // leak TC1001 direct
        logger.LogInformation("Paid {Amount} to a creator at {Domain}", total, creator.Email[(creator.Email.IndexOf('@') + 1)..]); // clean precision-about
    }
}
