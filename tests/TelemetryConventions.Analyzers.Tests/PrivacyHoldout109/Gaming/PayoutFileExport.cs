namespace PrivacyHoldout109.Gaming;

/// <summary>A tournament prize payout to a player's bank account.</summary>
public sealed record Payout(Guid PlayerId, string Gamertag, string LegalName, string Iban, decimal Amount, string Currency, string TournamentId);

/// <summary>Writes the payment provider's bulk payout CSV, drops it, and reads back the provider's per-row results.</summary>
public sealed class PayoutFileExport(
    ActivitySource source,
    Meter meter,
    ILogger<PayoutFileExport> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint psp)
{
    private readonly Counter<long> _failed = meter.CreateCounter<long>("payoutfeed.payouts.failed", "{payout}");

    public void Export(string batchId, IReadOnlyList<Payout> payouts)
    {
        var fileName = $"payouts_{batchId}.csv";
        using var span = source.StartPayoutfeedTransfer(psp.PartnerCode, "outbound");
        span.SetPayoutfeedControlNumber(batchId); // clean precision-names
        var csv = new StringBuilder("reference,beneficiary_name,iban,amount,currency\n");
        foreach (var p in payouts)
        {
            var reference = $"{p.TournamentId}-{p.PlayerId:N}";
            csv.Append(Csv.Line(reference, p.LegalName, p.Iban, p.Amount, p.Currency)).Append('\n');
            logger.LogDebug("Payout row {Reference} {Amount} {Currency}", reference, p.Amount, p.Currency); // leak TC1001 strings
            logger.LogDebug("Payout to bank {Country}{Check}", p.Iban[..2], p.Iban.Length); // clean precision-about
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        span.SetPayoutfeedFileChecksum(FileManifest.Sha256Of(bytes)); // clean hashes
        span.SetPayoutfeedRecordCount(payouts.Count); // clean precision-about
        logger.LogInformation("Payout batch {Batch}: {Count} payouts, {Total} in {Currencies}", batchId, payouts.Count, payouts.Sum(p => p.Amount), payouts.Select(p => p.Currency).Distinct()); // clean precision-about
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(bytes), psp.OutboundDir + "/" + fileName);
        meter.CreatePayoutfeedFilesCounter().Add(1, psp.PartnerCode, "outbound", "delivered"); // clean generated-api
    }

    public void ReadResults(string fileName, string text, IReadOnlyDictionary<string, Payout> byReference)
    {
        using var span = source.StartPayoutfeedImport(psp.PartnerCode, fileName);
        var failures = 0;
        foreach (var row in Csv.Read(text))
        {
            if (row["status"] == "paid")
            {
                continue;
            }
            failures++;
            var payout = byReference[row["reference"]];
            _failed.Add(1, new KeyValuePair<string, object?>("reason", row["reason_code"])); // clean precision-names
            _failed.Add(0, new KeyValuePair<string, object?>("player", payout.Gamertag)); // leak TC1003 cross-member
            logger.LogWarning("Payout failed {Payout}", payout); // leak TC1001 logging-objects
            logger.LogWarning("Payout failed for {Player}: {Reason}", pseudonymizer.ComputePayoutfeedPlayerId(payout.PlayerId.ToString()), row["reason_code"]); // clean precision-pseudonym
            logger.LogPayoutfeedRowRejectedEvent(psp.PartnerCode, row["reason_code"], payoutfeedFileName: fileName, payoutfeedPlayerId: pseudonymizer.PseudonymizePayoutfeedPlayerId(payout.PlayerId.ToString()), payoutfeedNote: $"IBAN {payout.Iban} refused"); // leak TC1001 generated-api
            Activity.Current?.SetTag("payout.failed.raw", row.RawRecord); // leak TC1001 cross-member
        }
        span.SetPayoutfeedRejectedCount(failures); // clean precision-about
    }
}
