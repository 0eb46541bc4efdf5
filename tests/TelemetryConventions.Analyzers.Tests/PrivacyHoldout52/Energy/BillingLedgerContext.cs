using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Energy;

public sealed class SupplyPoint
{
    public int Id { get; set; }

    public string Mpan { get; set; } = string.Empty;

    public string AccountNumber { get; set; } = string.Empty;

    public string MeterSerial { get; set; } = string.Empty;

    public string TariffCode { get; set; } = string.Empty;

    public DateTimeOffset? ClosedAt { get; set; }
}

public sealed class Tariff
{
    public string Code { get; set; } = string.Empty;

    public decimal UnitRate { get; set; }

    public decimal StandingCharge { get; set; }
}

public sealed class BillingLedgerContext(DbContextOptions<BillingLedgerContext> options) : DbContext(options)
{
    public DbSet<SupplyPoint> SupplyPoints => Set<SupplyPoint>();

    public DbSet<Tariff> Tariffs => Set<Tariff>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SupplyPoint>().HasIndex(s => s.Mpan).IsUnique().HasDatabaseName("ux_supply_points_mpan");
        modelBuilder.Entity<Tariff>().HasData(
            new Tariff { Code = "STD-VAR", UnitRate = 0.2450m, StandingCharge = 0.6050m },
            new Tariff { Code = "EV-NIGHT", UnitRate = 0.0850m, StandingCharge = 0.6050m });
    }
}

/// <summary>Logs slow and failed commands of the billing ledger context.</summary>
public sealed class LedgerCommandInterceptor(ILogger<LedgerCommandInterceptor> logger) : DbCommandInterceptor
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (eventData.Duration > SlowThreshold)
        {
            Activity.Current?.SetTag("db.slow", true);
            logger.LogWarning("Slow ledger query ({ElapsedMs} ms, {ParameterCount} parameters, command {CommandId})", eventData.Duration.TotalMilliseconds, command.Parameters.Count, eventData.CommandId); // clean precision-about
            logger.LogWarning("Slow ledger query text: {CommandText}", command.CommandText); // leak TC1001 strings
            var values = string.Join(", ", command.Parameters.Cast<DbParameter>().Select(p => $"{p.ParameterName}={p.Value}"));
            logger.LogDebug("Slow ledger query parameters: {Parameters}", values); // leak TC1001 strings
        }

        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Exception is SqlException { Number: -2 } timeout)
        {
            // "Execution Timeout Expired. The timeout period elapsed prior to completion of the operation..."
            Activity.Current?.SetStatus(ActivityStatusCode.Error, timeout.Message); // clean exceptions
        }

        logger.LogError("Ledger command failed after {ElapsedMs} ms: {Names}", eventData.Duration.TotalMilliseconds, string.Join(",", command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName))); // clean precision-names
        return Task.CompletedTask;
    }
}

public sealed class SupplyPointRepository(BillingLedgerContext db, ILogger<SupplyPointRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Energy.Ledger");

    public async Task<SupplyPoint?> FindByMpanAsync(string mpan, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("query", nameof(SupplyPoint)).SetDataQueryName("SupplyPointByMpan");
        var supplyPoint = await db.SupplyPoints
            .TagWith($"SupplyPointByMpan {mpan}")
            .FirstOrDefaultAsync(s => s.Mpan == mpan, cancellationToken);

        span.SetDataRows(supplyPoint is null ? 0 : 1);
        if (supplyPoint is not null)
        {
            span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(supplyPoint.AccountNumber)); // clean precision-pseudonym
            span.SetDataRecordKey(supplyPoint.Id.ToString()); // clean direct
        }

        return supplyPoint;
    }

    public async Task<int> CloseAccountAsync(string accountNumber, CancellationToken cancellationToken)
    {
        FormattableString sql = $"UPDATE ledger.supply_points SET closed_at = SYSUTCDATETIME() WHERE account_number = {accountNumber} AND closed_at IS NULL";
        logger.LogDebug("Closing supply points with {Sql}", sql.Format); // clean precision-names
        logger.LogDebug("Closing supply points: {Statement}", sql); // leak TC1001 strings

        var closed = await db.Database.ExecuteSqlInterpolatedAsync(sql, cancellationToken);
        Activity.Current?.SetTag("energy.supply_points.closed", closed); // clean precision-about
        logger.LogInformation("Closed {Count} supply points for account {AccountRef}", closed, pseudonymizer.ComputeDataSubjectId(accountNumber)); // clean precision-pseudonym
        return closed;
    }
}

/// <summary>Applies pending migrations at start-up, then back-fills the normalised account numbers.</summary>
public sealed class LedgerMigrationRunner(BillingLedgerContext db, ILogger<LedgerMigrationRunner> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} ledger migrations: {Migrations}", pending.Count, string.Join(", ", pending)); // clean precision-names
        await db.Database.MigrateAsync(cancellationToken);

        var rows = await db.Database.ExecuteSqlRawAsync("UPDATE ledger.supply_points SET account_number = UPPER(TRIM(account_number)) WHERE account_number <> UPPER(TRIM(account_number))");
        logger.LogInformation("Normalised {Rows} account numbers", rows); // clean precision-about

        var collisions = await db.SupplyPoints
            .GroupBy(s => s.AccountNumber)
            .Where(g => g.Select(s => s.Mpan).Distinct().Count() > 4)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        if (collisions.Count > 0)
        {
            logger.LogWarning("{Count} accounts hold more than four supply points after normalising: {Accounts}", collisions.Count, collisions); // leak TC1001 logging-objects
        }
    }
}
