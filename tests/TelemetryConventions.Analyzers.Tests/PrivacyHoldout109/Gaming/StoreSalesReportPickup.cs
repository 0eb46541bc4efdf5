namespace PrivacyHoldout109.Gaming;

/// <summary>Picks up the platform stores' daily sales reports (tab-separated, one row per transaction) and reconciles them with our entitlement grants.</summary>
public sealed class StoreSalesReportPickup(
    ActivitySource source,
    Meter meter,
    ILogger<StoreSalesReportPickup> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint store,
    IEntitlementLedger ledger)
{
    private readonly Counter<long> _unmatched = meter.CreateCounter<long>("payoutfeed.store.unmatched", "{transaction}");

    public async Task PickUpAsync(CancellationToken ct)
    {
        sftp.Connect();
        foreach (var file in sftp.ListDirectory(store.InboundDir))
        {
            using var span = source.StartPayoutfeedTransfer(store.PartnerCode, "inbound");
            span.SetPayoutfeedFileName(file.Name); // clean precision-names
            span.SetPayoutfeedFileSize((int)file.Length); // clean precision-about
            string text;
            try
            {
                text = sftp.ReadAllText(file.FullName);
            }
            catch (SftpPermissionDeniedException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                continue;
            }
            catch (SshConnectionException ex)
            {
                logger.LogError(ex, "Lost connection to {Host} during {File}", store.Host, file.Name); // clean exceptions
                throw;
            }

            var breaks = new List<ReconciliationBreak>();
            foreach (var row in Csv.Read(text, '\t'))
            {
                var granted = await ledger.GrantedAsync(row["transaction_id"], ct);
                if (!granted)
                {
                    breaks.Add(new ReconciliationBreak(row["transaction_id"], 0m, decimal.Parse(row["net"], CultureInfo.InvariantCulture), "not_granted"));
                    _unmatched.Add(1, new KeyValuePair<string, object?>("sku", row["sku"]), new KeyValuePair<string, object?>("platform", store.PartnerCode)); // clean precision-names
                    logger.LogWarning("Unmatched store transaction {Transaction} by account {Account}", row["transaction_id"], row["platform_account_id"]); // leak TC1001 direct
                    logger.LogWarning("Unmatched transaction {Transaction}, sku {Sku}", row["transaction_id"], row["sku"]); // clean precision-names
                }
            }
            var report = new ReconciliationReport(store.PartnerCode, DateOnly.FromDateTime(file.LastWriteTimeUtc), 0, breaks.Count, 0, breaks.Sum(b => b.Theirs)) { Breaks = breaks };
            logger.LogInformation("Store reconciliation {@Report}", report); // clean logging-objects
            logger.LogInformation("Store breaks {Breaks}", breaks); // clean logging-objects
            span.SetPayoutfeedOutcome(breaks.Count == 0 ? "reconciled" : "breaks"); // clean generated-api
        }
    }
}

public interface IEntitlementLedger
{
    Task<bool> GrantedAsync(string transactionId, CancellationToken cancellationToken);
}
