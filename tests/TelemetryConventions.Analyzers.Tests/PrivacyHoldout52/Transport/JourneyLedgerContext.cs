using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Transport;

public interface ISoftDeletable
{
    bool IsDeleted { get; set; }

    DateTimeOffset? DeletedAt { get; set; }
}

public sealed class Rider : ISoftDeletable
{
    public Guid Id { get; set; }

    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class TravelCard : ISoftDeletable
{
    /// <summary>The printed card number is the key.</summary>
    public string CardNumber { get; set; } = string.Empty;

    public Guid? RiderId { get; set; }

    public string OperatorCode { get; set; } = string.Empty;

    public string Status { get; set; } = "active";

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class Tap
{
    public long Id { get; set; }

    public string CardNumber { get; set; } = string.Empty;

    public string ReaderId { get; set; } = string.Empty;

    public string StopCode { get; set; } = string.Empty;

    public DateTimeOffset TappedAt { get; set; }

    public int FareBand { get; set; }
}

public interface IOperatorTenant
{
    string OperatorCode { get; }
}

/// <summary>The journey ledger (Postgres, default connection string). Every operator sees its own cards only.</summary>
public sealed class JourneyLedgerContext(DbContextOptions<JourneyLedgerContext> options, IOperatorTenant tenant) : DbContext(options)
{
    public DbSet<Rider> Riders => Set<Rider>();

    public DbSet<TravelCard> Cards => Set<TravelCard>();

    public DbSet<Tap> Taps => Set<Tap>();

    public string OperatorCode => tenant.OperatorCode;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Rider>().HasQueryFilter(r => !r.IsDeleted);
        modelBuilder.Entity<TravelCard>().HasQueryFilter(c => !c.IsDeleted && c.OperatorCode == tenant.OperatorCode);
        modelBuilder.Entity<Tap>().HasIndex(t => new { t.CardNumber, t.ReaderId, t.TappedAt }).IsUnique().HasDatabaseName("ux_taps_card_reader_time");
    }
}

/// <summary>Turns deletes of soft-deletable rows (riders and cards) into updates.</summary>
public sealed class SoftDeleteInterceptor(ILogger<SoftDeleteInterceptor> logger) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not JourneyLedgerContext context)
        {
            return ValueTask.FromResult(result);
        }

        var deleted = context.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Deleted && e.Entity is ISoftDeletable)
            .ToList();

        foreach (var entry in deleted)
        {
            entry.State = EntityState.Modified;
            var softDeletable = (ISoftDeletable)entry.Entity;
            softDeletable.IsDeleted = true;
            softDeletable.DeletedAt = DateTimeOffset.UtcNow;

            var key = string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.CurrentValues[p]));
            logger.LogInformation("Soft-deleted {EntityType} {Key}", entry.Metadata.Name, key); // leak TC1001 cross-member
        }

        Activity.Current?.SetTag("ledger.soft_deleted", deleted.Count); // clean precision-about
        Activity.Current?.SetTag("ledger.soft_deleted.types", string.Join(",", deleted.Select(e => e.Metadata.Name).Distinct())); // clean precision-names
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Exception.InnerException is PostgresException pg)
        {
            // Without Include Error Detail, Npgsql replaces the detail with a fixed notice.
            Activity.Current?.SetTag("db.error.detail", pg.Detail); // clean exceptions
            Activity.Current?.SetTag("db.error.sqlstate", pg.SqlState); // clean precision-about
            logger.LogError(eventData.Exception, "Ledger save failed on {Constraint}", pg.ConstraintName); // clean exceptions
        }

        return Task.CompletedTask;
    }
}

public sealed class CardAdministration(JourneyLedgerContext db, ILogger<CardAdministration> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transport.Cards");

    public async Task<bool> CloseRiderAccountAsync(Guid riderId, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("delete", nameof(Rider)).SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(riderId.ToString())); // clean precision-pseudonym
        Baggage.SetBaggage("ledger.operator", db.OperatorCode); // clean direct
        Baggage.SetBaggage("ledger.rider", riderId.ToString()); // leak TC1001 direct

        var rider = await db.Riders.FirstOrDefaultAsync(r => r.Id == riderId, cancellationToken);
        if (rider is null)
        {
            return false;
        }

        var cards = await db.Cards.Where(c => c.RiderId == riderId).ToListAsync(cancellationToken);
        foreach (var card in cards)
        {
            db.Cards.Remove(card);
        }

        db.Riders.Remove(rider);
        var saved = await db.SaveChangesAsync(cancellationToken);
        span.SetDataRows(saved); // clean precision-about
        logger.LogInformation("Closed rider account with {Cards} cards ({Suffixes})", cards.Count, string.Join(",", cards.Select(c => c.CardNumber[^4..]))); // clean precision-about
        logger.LogInformation("Closed cards {Cards}", cards.Select(c => c.CardNumber).ToList()); // leak TC1001 logging-objects
        return true;
    }

    public async Task<int> CountTapsAsync(string cardNumber, DateOnly day, CancellationToken cancellationToken)
    {
        var from = day.ToDateTime(TimeOnly.MinValue);
        var taps = await db.Taps.Where(t => t.CardNumber == cardNumber && t.TappedAt >= from).CountAsync(cancellationToken);
        using var scope = logger.BeginScope("Taps for card {CardNumber} on {Day}", cardNumber, day); // leak TC1001 logging-objects
        logger.LogDebug("Counted {Taps} taps", taps); // clean precision-about
        return taps;
    }
}
