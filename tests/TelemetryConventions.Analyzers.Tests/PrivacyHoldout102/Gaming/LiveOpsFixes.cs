namespace PrivacyHoldout102.Gaming;

/// <summary>Live-ops data fixes: expired boosts wiped at season end, duplicate gamertags renamed.</summary>
public sealed class LiveOpsFixes(GameDbContext db, ILogger<LiveOpsFixes> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Studio.Backend.Fixes");

    public async Task WipeExpiredBoostsAsync(string staffNumber, CancellationToken ct)
    {
        using var span = Source.StartPlayerstoreFix("S14_wipe_expired_boosts").SetPlayerstoreEntity(nameof(InventoryItem)).SetPlayerstoreStaffId(pseudonymizer.PseudonymizePlayerstoreStaffId(staffNumber)); // clean precision-pseudonym
        var affected = await db.Inventory.Where(i => i.ItemCode.StartsWith("boost.") && i.ExpiresAt < DateTimeOffset.UtcNow).Select(i => i.PlayerId).Distinct().ToListAsync(ct);
        var rows = await db.Inventory.Where(i => i.ItemCode.StartsWith("boost.") && i.ExpiresAt < DateTimeOffset.UtcNow).ExecuteDeleteAsync(ct);
        span.SetPlayerstoreRows(rows).SetPlayerstoreNote($"{affected.Count} players affected"); // clean precision-about
        logger.LogInformation("Wiped {Rows} expired boosts from {Players}", rows, string.Join(",", affected)); // leak TC1001 strings
        Activity.Current?.SetTag("fix.operator", staffNumber); // leak TC1001 direct
    }

    public async Task RenameDuplicateGamertagAsync(Guid playerId, string newGamertag, CancellationToken ct)
    {
        var player = await db.Players.SingleOrDefaultAsync(p => p.Id == playerId, ct);
        if (player is null)
        {
            return;
        }
        var old = player.Gamertag;
        player.Gamertag = newGamertag;
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Renamed {Old} to {New}", old, newGamertag); // leak TC1001 direct
            logger.LogInformation("Renamed a gamertag of {OldLength} characters in region {Region}", old.Length, player.Region); // clean precision-about
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqlServerException { Number: 2601 } duplicate)
        {
            // IX_Players_Gamertag: the message quotes the gamertag that already exists.
            using var span = Source.StartPlayerstoreFix("rename_duplicate_gamertag").RecordException(duplicate, includeMessage: true); // leak TC1001 exceptions
            span.SetPlayerstoreNote($"index {duplicate.IndexName}"); // clean exceptions
            logger.LogWarning("Rename refused: {Error}", duplicate.Number); // clean exceptions
        }
    }
}
