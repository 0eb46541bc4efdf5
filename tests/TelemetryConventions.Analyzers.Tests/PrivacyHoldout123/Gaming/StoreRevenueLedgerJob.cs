namespace PrivacyHoldout123.Gaming;

/// <summary>A platform's monthly payout statement line: one SKU's sales in one country.</summary>
public sealed record PayoutLine(string Platform, string Sku, string Country, int Units, decimal Gross, decimal PlatformFee, decimal Vat);

/// <summary>A web store receipt, as the store database holds it.</summary>
public sealed record WebReceipt(string ReceiptNumber, Guid PlayerId, string Email, string Country, string Sku, decimal Net, decimal Vat, string Currency);

/// <summary>Posts platform payouts and web store sales to the ledger and prepares the OSS VAT return by country.</summary>
public sealed class StoreRevenueLedgerJob(ILedgerClient ledger, Pseudonymizer pseudonymizer, ILogger<StoreRevenueLedgerJob> logger)
{
    private static readonly ActivitySource Source = new("Studio.Finance.Ledger");
    private static readonly Meter Meter = new("Studio.Finance.Ledger");
    private static readonly Counter<double> OssVat = Meter.CreateCounter<double>("gamepay.oss.vat", "EUR");
    private readonly GamepaySettlementDurationHistogram _duration = Meter.CreateGamepaySettlementDurationHistogram();

    public async Task PostPayoutAsync(string payoutId, IReadOnlyList<PayoutLine> lines, string period, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartGamepayPost(payoutId, "payout")
            .SetGamepayPlatform(lines[0].Platform) // clean direct
            .SetGamepayPeriod(period) // clean direct
            .SetGamepayLineCount(lines.Count); // clean precision-about
        var journal = new JournalEntry($"J-{payoutId}", period, DateOnly.FromDateTime(DateTime.UtcNow), lines[0].Platform, lines
            .GroupBy(l => l.Country)
            .Select(g => new JournalLine("4010", 0m, g.Sum(l => l.Gross - l.Vat), g.Key, $"{lines[0].Platform} sales {g.Key}"))
            .ToList());
        logger.LogInformation("Payout {Payout} by country {@Countries}", payoutId, lines.GroupBy(l => l.Country).ToDictionary(g => g.Key, g => g.Sum(l => l.Units))); // clean logging-objects
        logger.LogInformation("Posting {Journal}", journal); // clean logging-objects
        try
        {
            var result = await ledger.PostAsync(journal, ct);
            span.SetGamepayOutcome(result.Posted ? "posted" : "held").SetGamepayLedgerAccount("4010"); // clean direct
        }
        catch (UnbalancedJournalException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Payout {Payout} journal unbalanced by {Difference}", payoutId, ex.Difference); // clean exceptions
        }
        catch (PostingException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "payout"); // clean generated-api
    }

    public void AccrueOss(IReadOnlyList<WebReceipt> receipts, string quarter)
    {
        using var span = Source.StartGamepayPost($"OSS-{quarter}", "oss_return").SetGamepayPeriod(quarter); // clean direct
        foreach (var country in receipts.GroupBy(r => r.Country))
        {
            OssVat.Add((double)country.Sum(r => r.Vat), new KeyValuePair<string, object?>("gamepay.country", country.Key)); // clean direct
        }

        var missingCountry = receipts.Where(r => string.IsNullOrEmpty(r.Country)).ToList();
        if (missingCountry.Count > 0)
        {
            span.Activity?.SetTag("gamepay.oss.missing_country", missingCountry.Count); // clean precision-about
            span.SetGamepayNote("no country evidence for " + string.Join(", ", missingCountry.Select(r => r.Email))); // leak TC1001 generated-api
            logger.LogWarning("No country evidence for receipts {Receipts}", missingCountry.Select(r => r.ReceiptNumber).ToList()); // clean precision-names
            logger.LogWarning("No country evidence for {Receipts}", missingCountry); // leak TC1001 logging-objects
            foreach (var receipt in missingCountry)
            {
                span.Activity?.AddEvent(new ActivityEvent("gamepay.oss.evidence_missing", tags: new ActivityTagsCollection { ["gamepay.receipt"] = receipt.ReceiptNumber, ["gamepay.player"] = pseudonymizer.ComputeGamepayCustomerId(receipt.PlayerId.ToString()) })); // clean precision-pseudonym
                span.Activity?.AddEvent(new ActivityEvent("gamepay.oss.player_lookup", tags: new ActivityTagsCollection { ["gamepay.player.id"] = receipt.PlayerId })); // leak TC1001 direct
            }
        }
    }
}
