using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Gaming;

public sealed class Player
{
    public Guid Id { get; set; }

    public string Gamertag { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;

    public string Platform { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public byte[] ConcurrencyStamp { get; set; } = [];
}

public sealed class PlayersContext(DbContextOptions<PlayersContext> options) : DbContext(options)
{
    public DbSet<Player> Players => Set<Player>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Player>().HasQueryFilter(p => p.DeletedAt == null);
        modelBuilder.Entity<Player>().HasIndex(p => p.Gamertag).IsUnique().HasDatabaseName("IX_Players_Gamertag");
        modelBuilder.Entity<Player>().Property(p => p.ConcurrencyStamp).IsRowVersion();
    }
}

/// <summary>Profile reads go through a memory cache; renames go straight to SQL Server.</summary>
public sealed class PlayerProfileRepository(PlayersContext db, IMemoryCache cache, ILogger<PlayerProfileRepository> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Gaming.Profiles");

    public async Task<Player?> GetByGamertagAsync(string gamertag, CancellationToken cancellationToken)
    {
        var cacheKey = $"player:tag:{gamertag.ToLowerInvariant()}";
        using var span = Source.StartDataOperation("query", nameof(Player)).SetDataQueryName("ByGamertag");
        span.SetDataCacheKey(cacheKey); // leak TC1001 generated-api

        if (cache.TryGetValue<Player>(cacheKey, out var cached))
        {
            span.SetDataCacheHit(true); // clean precision-about
            meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "ByGamertag", dataCacheHit: true, dataCacheKey: cacheKey); // leak TC1003 generated-api
            return cached;
        }

        logger.LogDebug("Profile cache miss for {CacheKey}", cacheKey); // leak TC1001 strings
        var player = await db.Players.AsNoTracking().FirstOrDefaultAsync(p => p.Gamertag == gamertag, cancellationToken);
        if (player is not null)
        {
            cache.Set(cacheKey, player, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30), Size = 1 });
            span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(player.Id.ToString())); // clean precision-pseudonym
            logger.LogDebug("Profile loaded for region {Region} on {Platform}", player.Region, player.Platform); // clean precision-about
        }

        return player;
    }

    public async Task<bool> RenameAsync(Guid playerId, string newGamertag, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("update", nameof(Player)).SetDataQueryName("Rename");
        span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(playerId.ToString())); // clean precision-pseudonym

        var player = await db.Players.FirstOrDefaultAsync(p => p.Id == playerId, cancellationToken);
        if (player is null)
        {
            logger.LogInformation("Rename for missing player {PlayerId}", playerId); // leak TC1001 direct
            return false;
        }

        player.Gamertag = newGamertag;
        var tagEntry = db.Entry(player).Property(p => p.Gamertag);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Gamertag changed from {OldTag} ({Length} characters now)", tagEntry.OriginalValue, newGamertag.Length); // leak TC1001 cross-member
            cache.Remove($"player:tag:{tagEntry.OriginalValue.ToLowerInvariant()}");
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqlException { Number: 2601 } duplicate)
        {
            // "Cannot insert duplicate key row in object 'dbo.Players' with unique index 'IX_Players_Gamertag'. The duplicate key value is (<gamertag>)."
            span.AddDataConflictDetectedEvent("unique", dataConstraint: "IX_Players_Gamertag"); // clean precision-names
            span.AddDataConflictDetectedEvent("unique", dataRecordKey: newGamertag); // leak TC1001 generated-api
            span.RecordException(duplicate, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogInformation("Gamertag taken (sql error {Number}, state {State})", duplicate.Number, duplicate.Errors[0].State); // clean precision-about
            return false;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogWarning(ex, "Profile changed during rename, stamp {Stamp}", Convert.ToHexString(player.ConcurrencyStamp)); // clean exceptions
            return false;
        }
    }
}
