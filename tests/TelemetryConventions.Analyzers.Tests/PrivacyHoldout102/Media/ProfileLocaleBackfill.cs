namespace PrivacyHoldout102.Media;

/// <summary>Backfills profile locales from the subscriber's billing country, in batches, after migration m_0412.</summary>
public sealed class ProfileLocaleBackfill(ViewingDbContext db, ILogger<ProfileLocaleBackfill> logger, Pseudonymizer pseudonymizer, DataAccessOptions options)
{
    private static readonly ActivitySource Source = new("Streaming.Viewing.Fixes");

    public async Task RunAsync(string agentStaffNumber, CancellationToken ct)
    {
        using var span = Source.StartSubsstoreFix("m_0412_backfill_profile_locale").SetSubsstoreEntity(nameof(ViewingProfile)); // clean generated-api
        span.SetSubsstoreStaffId(pseudonymizer.PseudonymizeSubsstoreStaffId(agentStaffNumber)); // clean precision-pseudonym
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        logger.LogInformation("Backfill in transaction {Transaction}", transaction.TransactionId); // clean precision-names
        var profiles = await db.Profiles.Where(p => p.Locale == "").ToListAsync(ct);
        foreach (var batch in profiles.Chunk(options.FixBatchSize))
        {
            foreach (var profile in batch)
            {
                profile.Locale = "en-GB";
            }
            try
            {
                var saved = await db.SaveChangesAsync(ct);
                span.SetSubsstoreRows(saved); // clean precision-about
            }
            catch (DbUpdateException ex)
            {
                var failed = ex.Entries.Select(e => e.Entity).OfType<ViewingProfile>().ToList();
                logger.LogError(ex, "Backfill batch failed for profiles {Profiles}", string.Join(",", failed.Select(p => p.Name))); // leak TC1001 strings
                logger.LogError("Backfill batch failed for {Count} profiles of {Subscribers}", failed.Count, failed.Select(p => p.SubscriberId).Distinct().ToList()); // leak TC1001 logging-objects
                var digest = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(failed[0].SubscriberId.ToString())));
                span.SetSubsstoreNote($"first failure {digest}"); // leak TC1002 hashes
                await transaction.RollbackAsync(ct);
                return;
            }
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Backfilled {Count} profiles", profiles.Count); // clean precision-about
        Activity.Current?.SetBaggage("backfill.agent", agentStaffNumber); // leak TC1001 direct
    }
}
