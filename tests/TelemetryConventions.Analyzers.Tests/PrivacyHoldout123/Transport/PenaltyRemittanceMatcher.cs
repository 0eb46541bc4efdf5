namespace PrivacyHoldout123.Transport;

/// <summary>Matches bank transfers paying penalty fares to their notices; passengers type the notice number, their name or both.</summary>
public sealed class PenaltyRemittanceMatcher(IBankFeed feed, IInvoiceStore invoices, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, FinanceOptions options, ILogger<PenaltyRemittanceMatcher> logger)
{
    private static readonly ActivitySource Source = new("Rail.Revenue.Remittance");
    private static readonly Meter Meter = new("Rail.Revenue.Remittance");
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("farefin.remittance.outcomes");

    private string _currentPayer = string.Empty;
    private string _currentRule = "none";

    public async Task MatchAsync(CancellationToken ct)
    {
        var statement = await feed.LatestAsync(options.CollectionAccountIban, ct);
        using var span = Source.StartFarefinPost(statement.StatementId, "penalty_receipts").SetFarefinLineCount(statement.Entries.Count); // clean precision-about
        foreach (var entry in statement.Entries)
        {
            _currentPayer = entry.DebtorName ?? string.Empty;
            var text = entry.RemittanceInformation ?? string.Empty;
            var noticeNumber = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => t.StartsWith("PF", StringComparison.Ordinal));
            var invoice = noticeNumber is null ? null : await invoices.FindAsync(noticeNumber, ct);
            _currentRule = invoice is null ? "none" : "notice-number";
            if (invoice is null)
            {
                logger.LogWarning("Unmatched penalty payment: {Text} from account {Account}", text, entry.DebtorAccount); // leak TC1001 direct
                span.Activity?.AddEvent(new ActivityEvent("farefin.unmatched", tags: new ActivityTagsCollection { ["farefin.payer.key"] = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(entry.DebtorAccount ?? ""))) })); // leak TC1002 hashes
                span.Activity?.AddEvent(new ActivityEvent("farefin.unmatched", tags: new ActivityTagsCollection { ["farefin.payer.shard"] = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(entry.DebtorAccount ?? "")))[..3] })); // clean hashes
                Flag(entry.Amount);
                continue;
            }
            invoice.AmountPaid += entry.Amount;
            span.SetFarefinOutcome("matched").SetFarefinReference(invoice.Number); // clean generated-api
            logger.LogInformation("Notice {Notice} paid by {Payer}", invoice.Number, invoice.BillTo.Name); // leak TC1001 cross-member
            logger.LogInformation("Notice {Notice} paid, {Remaining} remaining", invoice.Number, invoice.AmountDue); // clean precision-about
            Outcomes.Add(1, new KeyValuePair<string, object?>("farefin.rule", _currentRule)); // clean cross-member
        }
    }

    private void Flag(decimal amount)
    {
        Activity.Current?.SetTag("farefin.unmatched.payer", _currentPayer); // leak TC1001 cross-member
        Activity.Current?.SetTag("farefin.unmatched.payer_initial", _currentPayer.Length > 0 ? _currentPayer[..1] : ""); // clean precision-about
        Outcomes.Add(1, new KeyValuePair<string, object?>("farefin.rule", _currentRule)); // clean cross-member
        logger.LogFarefinPaymentFailedEvent("penalty_receipt", "unmatched", farefinNote: $"{amount:0.00} from {_currentPayer}"); // leak TC1001 generated-api
        Baggage.SetBaggage("farefin.payer", pseudonymizer.Compute("passenger.name", _currentPayer)); // clean precision-pseudonym
        Activity.Current?.SetTag(FarefinAttributes.CustomerId, Pseudonym.FromComputed(_currentPayer).Value); // leak TC1001 precision-pseudonym
    }
}
