namespace PrivacyHoldout145.Energy;

/// <summary>A hub whose SIM moves to the new network partner.</summary>
public sealed record SimMigration(string HubGuid, string OldIccid, string NewProfileIccid, string AccountNumber, string Region);

/// <summary>
/// Moves comms hubs' embedded SIMs from the old network partner to the new one, in batches per region, over the air.
/// A hub's SIM is in a home: its ICCID is the household's; the first seven digits name the issuing operator.
/// </summary>
public sealed class HubSimMigrationJob(
    Func<string, IReadOnlyList<SimMigration>> batchForRegion,
    Func<SimMigration, CancellationToken, Task<bool>> switchProfile,
    Pseudonymizer pseudonymizer,
    ILogger<HubSimMigrationJob> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Metering.SimMigration");

    private readonly List<SimMigration> _failed = new();

    public async Task RunAsync(string region, CancellationToken ct)
    {
        using var span = Source.StartCommshubOperation(region, "commshub.sim-migration");
        var batch = batchForRegion(region);
        logger.LogInformation("Migrating {Count} hub SIMs in {Region} from issuer {Issuers}", batch.Count, region, batch.Select(m => m.OldIccid[..7]).Distinct()); // clean precision-about

        foreach (var migration in batch)
        {
            using var item = Source.StartCommshubOperation(region, "commshub.sim-switch");
            item.SetCommshubHouseholdId(Pseudonym.FromComputed(migration.AccountNumber)); // leak TC1001 precision-pseudonym
            Activity.Current?.SetTag("commshub.sim.old_iccid", migration.OldIccid); // leak TC1001 direct
            Activity.Current?.SetTag("commshub.sim.iccid_length", migration.NewProfileIccid.Length); // clean precision-about
            var ok = await switchProfile(migration, ct);
            if (!ok)
            {
                _failed.Add(migration);
                item.SetCommshubOutcome("switch-failed"); // clean generated-api
                item.SetCommshubNote($"profile {migration.NewProfileIccid} not enabled on hub {migration.HubGuid}"); // leak TC1001 generated-api
                item.SetCommshubNote("profile not enabled; retry with the next batch"); // clean generated-api
                Activity.Current?.SetTag("commshub.migration.retry_key", (migration.HubGuid + migration.Region).GetHashCode()); // leak TC1002 hashes
            }
        }
    }

    public void ReportFailures()
    {
        logger.LogWarning("SIM switches failed: {Failed}", _failed); // leak TC1001 cross-member
        logger.LogWarning("SIM switches failed in {Regions}", _failed.Select(f => f.Region).Distinct()); // clean cross-member
        logger.LogWarning("SIM switches failed for households {Households}", _failed.Select(f => pseudonymizer.ComputeCommshubHouseholdId(f.AccountNumber))); // clean precision-pseudonym
    }
}
