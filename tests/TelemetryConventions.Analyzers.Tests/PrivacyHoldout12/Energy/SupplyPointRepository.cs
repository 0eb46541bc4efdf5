using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Energy;

public sealed partial class SupplyPointRepository(EnergyDbContext db, ILogger<SupplyPointRepository> logger)
{
    private static readonly ActivitySource Source = new("Energy.SupplyPoints");

    public async Task<IReadOnlyList<SupplyPoint>> ListAsync(Specification<SupplyPoint> specification, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("supply_points.list");
        activity?.SetTag("energy.query.specification", specification.Name); // clean precision-names
        var rows = await db.SupplyPoints.AsNoTracking().Where(specification).ToListAsync(cancellationToken);
        activity?.SetTag("energy.query.rows", rows.Count); // clean precision-about
        return rows;
    }

    public async Task<SupplyPoint?> FindByMeterSerialAsync(string meterSerial, CancellationToken cancellationToken)
    {
        var specification = new SupplyPointByMeterSerial(meterSerial);
        var rows = await ListAsync(specification, cancellationToken);
        LogQueried(logger, specification, rows.Count); // leak TC1001 cross-member
        return rows.FirstOrDefault();
    }

    public async Task<IReadOnlyList<SupplyPoint>> OnTariffAsync(string tariffCode, CancellationToken cancellationToken)
    {
        var specification = new SupplyPointsOnTariff(tariffCode);
        var rows = await db.SupplyPoints.AsNoTracking().Where(specification).ToListAsync(cancellationToken);
        logger.LogInformation("Specification {Specification} matched {Rows} supply points", specification, rows.Count); // clean cross-member
        return rows;
    }

    public async Task<IReadOnlyList<MeterAccount>> SearchAsync(AccountSearchQuery query, CancellationToken cancellationToken)
    {
        logger.LogInformation("Account search {@Query}", query); // leak TC1001 logging-objects
        var accounts = db.Accounts.AsNoTracking();
        if (query.HolderEmail is not null)
        {
            accounts = accounts.Where(a => a.HolderEmail == query.HolderEmail);
        }

        var page = await accounts.Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        logger.LogInformation("Account search by email: {ByEmail}, by postcode: {ByPostcode}, page {Page}", query.HolderEmail is not null, query.Postcode is not null, query.Page); // clean precision-about
        return page;
    }

    public Task<int> ReportAsync(TariffReportQuery query, CancellationToken cancellationToken)
    {
        logger.LogInformation("Tariff report {Query}", query); // clean logging-objects
        return db.SupplyPoints.AsNoTracking().Where(new SupplyPointsOnTariff(query.TariffCode)).CountAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Query {Specification} returned {Rows} rows")]
    private static partial void LogQueried(ILogger logger, Specification<SupplyPoint> specification, int rows);
}

/// <summary>Registered on EnergyDbContext: reports slow and failed commands of every query above.</summary>
public sealed partial class SlowCommandInterceptor(ILogger<SlowCommandInterceptor> logger, Meter meter) : DbCommandInterceptor
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(500);

    private readonly Histogram<double> _duration = meter.CreateHistogram<double>("energy.db.command.duration", "ms");

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        _duration.Record(eventData.Duration.TotalMilliseconds, new KeyValuePair<string, object?>("db.command.source", eventData.CommandSource.ToString())); // clean direct
        if (eventData.Duration > Threshold)
        {
            LogSlowCommand(logger, eventData.CommandId, eventData.Duration.TotalMilliseconds, command.CommandText); // clean strings
            var parameters = string.Join(", ", command.Parameters.Cast<DbParameter>().Select(p => $"{p.ParameterName}={p.Value}"));
            logger.LogDebug("Slow command parameters: {Parameters}", parameters); // leak TC1001 strings
            Activity.Current?.SetTag("db.query.parameter_count", command.Parameters.Count); // clean precision-about
        }

        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        activity?.AddException(eventData.Exception); // clean exceptions
        foreach (DbParameter parameter in command.Parameters)
        {
            activity?.AddEvent(new ActivityEvent("db.parameter", tags: new ActivityTagsCollection { ["db.parameter.name"] = parameter.ParameterName, ["db.parameter.is_null"] = parameter.Value is null or DBNull })); // clean precision-about
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4190, Level = LogLevel.Warning, Message = "Command {CommandId} took {ElapsedMs} ms: {CommandText}")]
    private static partial void LogSlowCommand(ILogger logger, Guid commandId, double elapsedMs, string commandText);
}
