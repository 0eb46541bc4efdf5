namespace PrivacyHoldout118.Energy;

/// <summary>
/// Closed accounts are kept six years after the final bill (tax and Ofgem rules), then their personal
/// fields are anonymised and the reads are kept against the MPAN only. A debt dispute puts a legal hold on
/// the account.
/// </summary>
public sealed class ClosedAccountRetentionWorker(
    ISweepSource source,
    ILegalHoldRegistry holds,
    ILogger<ClosedAccountRetentionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Privacy.Retention");
    private static readonly Meter Meter = new("Supplier.Privacy.Retention");
    private static readonly EndsrSweepDurationHistogram Duration = Meter.CreateEndsrSweepDurationHistogram();

    private static readonly RetentionRule ClosedAccounts = new("ret-closed-accounts", "account", TimeSpan.FromDays(6 * 365), "final-bill", "legal-obligation");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartEndsrSweep(ClosedAccounts.RuleId).SetEndsrSystem("billing"); // clean generated-api
        var batch = new List<SweepCandidate>();
        var held = new List<string>();
        await foreach (var candidate in source.CandidatesAsync(ClosedAccounts, 200, stoppingToken))
        {
            var accountHolds = await holds.HoldsForAsync(candidate.RowKey, stoppingToken);
            if (accountHolds.Count > 0)
            {
                held.Add(candidate.RowKey);
                logger.LogInformation("Account held by {Matters}", string.Join(",", accountHolds.Select(h => h.Matter))); // clean precision-names
                logger.LogDebug("Hold {Hold}", accountHolds[0]); // leak TC1001 logging-objects
                continue;
            }
            batch.Add(candidate);
        }

        var anonymised = await source.AnonymiseAsync(batch, stoppingToken);
        span.SetEndsrRecordsCount(anonymised).SetEndsrOutcome(held.Count > 0 ? "partial" : "swept"); // clean generated-api
        span.SetEndsrNote($"{held.Count} accounts held"); // clean generated-api
        span.SetEndsrNote($"held: {string.Join(";", held)}"); // leak TC1001 generated-api
        logger.LogInformation("Anonymised {Count} closed accounts, oldest final bill {Oldest:yyyy-MM-dd}", anonymised, batch.Min(b => b.Anchor)); // clean precision-about
        logger.LogInformation("Anonymised accounts {Accounts}", batch.Select(b => b.RowKey).ToList()); // leak TC1001 logging-objects
        logger.LogDebug("Held accounts {Held}", held); // leak TC1001 logging-objects
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, ClosedAccounts.RuleId, "billing"); // clean generated-api
    }
}
