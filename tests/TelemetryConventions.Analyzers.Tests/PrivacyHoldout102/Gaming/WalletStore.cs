namespace PrivacyHoldout102.Gaming;

public sealed class Player
{
    public Guid Id { get; set; }

    public required string Gamertag { get; set; }

    public string? Email { get; set; }

    public string Region { get; set; } = "eu";
}

public sealed class Wallet
{
    public Guid PlayerId { get; set; }

    public long Gems { get; set; }

    public long Coins { get; set; }

    public uint Xmin { get; set; }
}

public sealed class InventoryItem
{
    public long Id { get; set; }

    public Guid PlayerId { get; set; }

    public required string ItemCode { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}

public sealed record GrantRequest(Guid PlayerId, string ItemCode, long Gems, string Reason);

public sealed class GameDbContext : DbContext
{
    public DbSet<Player> Players => Set<Player>();

    public DbSet<Wallet> Wallets => Set<Wallet>();

    public DbSet<InventoryItem> Inventory => Set<InventoryItem>();
}

/// <summary>Gem spends and grants, retried on the wallet's xmin concurrency token.</summary>
public sealed class WalletStore(GameDbContext db, ILogger<WalletStore> logger, Pseudonymizer pseudonymizer, DataAccessOptions options)
{
    private static readonly ActivitySource Source = new("Studio.Backend.Wallet");
    private static readonly Meter Meter = new("Studio.Backend.Wallet");
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("wallet.concurrency.conflicts");

    public async Task<bool> SpendAsync(Guid playerId, long gems, string offerId, CancellationToken ct)
    {
        using var span = Source.StartPlayerstoreQuery("wallet-spend").SetPlayerstoreEntity(nameof(Wallet)).SetPlayerstorePlayerId(pseudonymizer.PseudonymizePlayerstorePlayerId(playerId.ToString())); // clean precision-pseudonym
        for (var attempt = 1; attempt <= options.MaxConcurrencyRetries; attempt++)
        {
            var wallet = await db.Wallets.SingleOrDefaultAsync(w => w.PlayerId == playerId, ct);
            if (wallet is null || wallet.Gems < gems)
            {
                span.SetPlayerstoreOutcome("insufficient"); // clean precision-names
                return false;
            }
            wallet.Gems -= gems;
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Offer {Offer} bought for {Gems} gems on attempt {Attempt}", offerId, gems, attempt); // clean precision-names
                return true;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                Conflicts.Add(1, new KeyValuePair<string, object?>("entity", nameof(Wallet))); // clean precision-names
                Conflicts.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputePlayerstorePlayerId(playerId.ToString()))); // leak TC1003 precision-pseudonym
                logger.LogPlayerstoreConcurrencyConflictEvent(nameof(Wallet), "retried", pseudonymizer.PseudonymizePlayerstorePlayerId(playerId.ToString()), $"xmin {wallet.Xmin}, attempt {attempt}"); // clean generated-api
                logger.LogWarning(ex, "Wallet of {PlayerId} changed underneath the spend", playerId); // leak TC1001 direct
                logger.LogDebug("Wallet conflict {@Wallet}", wallet); // leak TC1001 logging-objects
                await ex.Entries[0].ReloadAsync(ct);
            }
        }
        span.SetPlayerstoreOutcome("conflict"); // clean precision-names
        return false;
    }

    public async Task GrantAsync(GrantRequest request, string staffNumber, CancellationToken ct)
    {
        db.Inventory.Add(new InventoryItem { PlayerId = request.PlayerId, ItemCode = request.ItemCode });
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Grant saved {Grant}", request); // leak TC1001 logging-objects
            logger.LogInformation("Grant of {Item} ({Reason}) by {Staff}", request.ItemCode, request.Reason, pseudonymizer.ComputePlayerstoreStaffId(staffNumber)); // clean precision-pseudonym
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqlServerException { Number: 1205 } deadlock)
        {
            logger.LogError(ex, "Grant deadlocked ({Number})", deadlock.Number); // clean exceptions
        }
    }
}
