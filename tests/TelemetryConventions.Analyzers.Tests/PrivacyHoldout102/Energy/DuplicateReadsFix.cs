namespace PrivacyHoldout102.Energy;

/// <summary>Removes duplicate reads left by the February import, meter by meter, and reports what it did.</summary>
public sealed class DuplicateReadsFix(IDbConnection connection, ILogger<DuplicateReadsFix> logger, Pseudonymizer pseudonymizer, DataAccessOptions options)
{
    private static readonly ActivitySource Source = new("Supplier.Metering.Fixes");
    private static readonly Meter Meter = new("Supplier.Metering.Fixes");
    private static readonly Counter<long> Removed = Meter.CreateCounter<long>("metering.fix.removed");

    private const string DuplicatesSql = "SELECT MeterSerial FROM Reads GROUP BY MeterSerial, ReadAt HAVING COUNT(*) > 1";

    public async Task RunAsync(bool dryRun, CancellationToken ct)
    {
        using var span = Source.StartMeterstoreFix("fix_2025_02_duplicate_reads").SetMeterstoreEntity(nameof(MeterRead)); // clean generated-api
        var meters = (await connection.QueryAsync<string>(DuplicatesSql, commandTimeout: 300)).Distinct().ToList();
        logger.LogInformation("Duplicate reads on {Meters} meters (dry run: {DryRun})", meters.Count, dryRun); // clean precision-about
        foreach (var batch in meters.Chunk(options.FixBatchSize))
        {
            var sql = $"DELETE r FROM Reads r WHERE r.MeterSerial IN ('{string.Join("','", batch)}') AND r.Id NOT IN (SELECT MIN(Id) FROM Reads GROUP BY MeterSerial, ReadAt)";
            logger.LogDebug("Fix batch SQL: {Sql}", sql); // leak TC1001 strings
            var rows = dryRun ? 0 : await connection.ExecuteAsync(sql, commandTimeout: 300);
            Removed.Add(rows, new KeyValuePair<string, object?>("fix", "fix_2025_02_duplicate_reads"), new KeyValuePair<string, object?>("dry_run", dryRun)); // clean precision-names
            span.SetMeterstoreRows(rows); // clean precision-about
            foreach (var meter in batch)
            {
                Removed.Add(0, new KeyValuePair<string, object?>("meter", pseudonymizer.ComputeMeterstoreAccountId(meter))); // leak TC1003 precision-pseudonym
                Activity.Current?.AddEvent(new ActivityEvent("meter.fixed", tags: new ActivityTagsCollection { ["meter.serial"] = meter })); // leak TC1001 direct
            }
        }
        span.SetMeterstoreOutcome(dryRun ? "dry_run" : "ok"); // clean precision-names
    }
}
