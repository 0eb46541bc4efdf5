namespace PrivacyHoldout109.Transport;

/// <summary>Reads the fare clearing house's daily settlement file (one row per tap: card, operator, stop, fare) and reconciles it with our own taps.</summary>
public sealed class FareClearingSettlement(
    ActivitySource source,
    Meter meter,
    ILogger<FareClearingSettlement> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SftpClient sftp,
    PartnerEndpoint clearingHouse,
    ITapLedger taps)
{
    private readonly Counter<long> _breaks = meter.CreateCounter<long>("farefeed.settlement.breaks", "{tap}");

    public async Task SettleAsync(string fileName, CancellationToken ct)
    {
        using var transfer = source.StartFarefeedTransfer(clearingHouse.PartnerCode, "inbound");
        var bytes = sftp.ReadAllBytes(clearingHouse.InboundDir + "/" + fileName);
        transfer.SetFarefeedFileName(fileName); // clean precision-names
        transfer.SetFarefeedFileChecksum(FileManifest.Sha256Of(bytes)); // clean hashes
        using var import = source.StartFarefeedImport(clearingHouse.PartnerCode, fileName);
        var breaks = new List<ReconciliationBreak>();
        foreach (var row in Csv.Read(Encoding.UTF8.GetString(bytes)))
        {
            var card = row["isrn"];
            var fare = decimal.Parse(row["fare"], CultureInfo.InvariantCulture);
            var ours = await taps.FareAsync(card, row["tap_time"], ct);
            if (ours != fare)
            {
                var brk = new ReconciliationBreak(card, ours ?? 0m, fare, ours is null ? "missing_ours" : "fare_mismatch");
                breaks.Add(brk);
                _breaks.Add(1, new KeyValuePair<string, object?>("status", brk.Status), new KeyValuePair<string, object?>("operator", row["operator"])); // clean precision-names
                logger.LogWarning("Settlement break {Break}", brk); // leak TC1001 logging-objects
                logger.LogFarefeedRowRejectedEvent(clearingHouse.PartnerCode, brk.Status, farefeedFileName: fileName, farefeedPassengerId: pseudonymizer.PseudonymizeFarefeedPassengerId(card)); // clean generated-api
                logger.LogFarefeedRowRejectedEvent(clearingHouse.PartnerCode, brk.Status, farefeedFileName: fileName, farefeedNote: $"card {card} at stop {row["stop"]}"); // leak TC1001 generated-api
                Activity.Current?.SetTag("settlement.break.issuer", card[..6]); // clean precision-about
                Activity.Current?.SetTag("settlement.break.card", card); // leak TC1001 direct
                Activity.Current?.SetTag("settlement.break.card.sha", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(card)))); // leak TC1002 hashes
            }
        }
        var report = new ReconciliationReport(clearingHouse.PartnerCode, DateOnly.FromDateTime(DateTime.UtcNow), 0, breaks.Count(b => b.Status == "missing_ours"), 0, breaks.Sum(b => b.Theirs - b.Ours)) { Breaks = breaks };
        logger.LogInformation("Settlement reconciled {Report}", report); // clean logging-objects
        logger.LogInformation("Settlement break cards {Cards}", breaks.Select(b => b.Key)); // leak TC1001 cross-member
        logger.LogInformation("Settlement break card refs {Cards}", breaks.Select(b => pseudonymizer.ComputeFarefeedPassengerId(b.Key))); // clean precision-pseudonym
        meter.CreateFarefeedFilesCounter().Add(1, clearingHouse.PartnerCode, "inbound", breaks.Count == 0 ? "settled" : "breaks"); // clean generated-api
        meter.CreateFarefeedFilesCounter().Add(0, clearingHouse.PartnerCode, "inbound", pseudonymizer.ComputeFarefeedPassengerId(breaks.FirstOrDefault()?.Key ?? "")); // leak TC1003 precision-pseudonym
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(breaks.FirstOrDefault()?.Key ?? ""))[0] % 10;
        Activity.Current?.SetTag("settlement.sample.cohort", cohort); // clean hashes
    }
}

public interface ITapLedger
{
    Task<decimal?> FareAsync(string isrn, string tapTime, CancellationToken cancellationToken);
}
