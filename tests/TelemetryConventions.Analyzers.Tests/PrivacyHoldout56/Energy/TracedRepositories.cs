using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Energy;

public interface IHasKey<out TKey>
{
    TKey Key { get; }
}

/// <summary>Reference data: tariffs and feeders, never a customer.</summary>
public interface IReferenceData
{
    string Code { get; }
}

public sealed record SupplyAccount(string AccountNumber, string HolderEmail, string Mpan, string TariffCode) : IHasKey<string>
{
    public string Key => AccountNumber;
}

public sealed record SmartMeter(string Serial, string Model, string FirmwareVersion) : IHasKey<string>
{
    public string Key => Serial;
}

public sealed record Tariff(string Code, decimal UnitRate, decimal StandingCharge) : IHasKey<string>, IReferenceData
{
    public string Key => Code;
}

public sealed record Feeder(string Code, string Substation, int CapacityKw) : IHasKey<string>, IReferenceData
{
    public string Key => Code;
}

public interface IRepository<TEntity, in TKey>
    where TEntity : class
{
    Task<TEntity?> FindAsync(TKey key, CancellationToken cancellationToken);

    Task SaveAsync(TEntity entity, CancellationToken cancellationToken);
}

public static class RepositoryRegistration
{
    /// <summary>Every repository is traced (supply accounts, smart meters, tariffs and feeders); reference data is also logged.</summary>
    public static IServiceCollection AddTracedRepositories(this IServiceCollection services) =>
        services
            .Decorate<IRepository<Tariff, string>, ReferenceDataLogging<Tariff>>()
            .Decorate<IRepository<Feeder, string>, ReferenceDataLogging<Feeder>>()
            .Decorate(typeof(IRepository<,>), typeof(TracedRepository<,>));
}

/// <summary>Open generic decorator over every repository of the supply platform.</summary>
public sealed class TracedRepository<TEntity, TKey>(
    IRepository<TEntity, TKey> inner,
    ActivitySource source,
    ILogger<TracedRepository<TEntity, TKey>> logger) : IRepository<TEntity, TKey>
    where TEntity : class, IHasKey<TKey>
{
    private static readonly string EntityName = typeof(TEntity).Name;

    public async Task<TEntity?> FindAsync(TKey key, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity($"{EntityName}.Find"); // clean precision-names
        activity?.SetTag("db.entity", EntityName); // clean precision-names
        activity?.SetTag("db.key", key); // leak TC1001 cross-member
        var entity = await inner.FindAsync(key, cancellationToken);
        activity?.SetTag("db.found", entity is not null); // clean precision-about
        logger.LogDebug("{Entity} {Key} found: {Found}", EntityName, key, entity is not null); // leak TC1001 cross-member
        return entity;
    }

    public async Task SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity($"{EntityName}.Save");
        logger.LogDebug("Saving {Entity}", entity); // leak TC1001 logging-objects
        logger.LogDebug("Saving a {EntityType} whose key has {KeyLength} characters", EntityName, entity.Key?.ToString()?.Length); // clean precision-about
        await inner.SaveAsync(entity, cancellationToken);
    }
}

/// <summary>Decorator of the reference-data repositories only (tariffs and feeders).</summary>
public sealed class ReferenceDataLogging<TEntity>(IRepository<TEntity, string> inner, ILogger<ReferenceDataLogging<TEntity>> logger) : IRepository<TEntity, string>
    where TEntity : class, IReferenceData
{
    public async Task<TEntity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var entity = await inner.FindAsync(key, cancellationToken);
        logger.LogDebug("{Type} {Code} loaded: {Entity}", typeof(TEntity).Name, key, entity); // clean logging-objects
        return entity;
    }

    public Task SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        logger.LogInformation("Reference data {Code} changed", entity.Code); // clean cross-member
        return inner.SaveAsync(entity, cancellationToken);
    }
}

public sealed record MoveIn(string Mpan, string MeterSerial, string NewHolderName, string NewHolderEmail, DateOnly MoveInDate, string TariffCode);

public interface IMoveInService
{
    Task<string> RegisterAsync(MoveIn moveIn, CancellationToken cancellationToken);
}

/// <summary>Thrown by the move-in service when the meter is registered to another holder's open account.</summary>
public sealed class MeterAlreadyRegisteredException(string meterSerial, string accountNumber)
    : Exception($"Meter {meterSerial} is registered to open account {accountNumber}.");

/// <summary>Scrutor decorator of the move-in service.</summary>
public sealed class TracedMoveInService(
    IMoveInService inner,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TracedMoveInService> logger) : IMoveInService
{
    public async Task<string> RegisterAsync(MoveIn moveIn, CancellationToken cancellationToken)
    {
        using var span = source.StartGridOperation("MoveInService.Register"); // clean generated-api
        span.SetGridMeterId(pseudonymizer.PseudonymizeGridMeterId(moveIn.MeterSerial)); // clean precision-pseudonym
        span.SetGridTariffCode(moveIn.TariffCode); // clean direct
        span.SetGridNote($"move-in {moveIn.MoveInDate:yyyy-MM-dd}, distributor {moveIn.Mpan[..2]}"); // clean precision-about
        Activity.Current?.SetTag(GridAttributes.HolderEmail, pseudonymizer.Pseudonymize("holder_email", moveIn.NewHolderEmail).Value); // leak TC1001 precision-pseudonym
        try
        {
            var accountNumber = await inner.RegisterAsync(moveIn, cancellationToken);
            span.SetGridAccountId(pseudonymizer.PseudonymizeGridAccountId(accountNumber)).SetGridOutcome(GridOutcome.Ok); // clean precision-pseudonym
            logger.LogGridTariffQuotedEvent(moveIn.TariffCode, pseudonymizer.PseudonymizeGridAccountId(accountNumber), gridNote: $"move-in of {moveIn.NewHolderName}"); // leak TC1001 generated-api
            logger.LogInformation("Move-in registered for account {AccountNumber}", accountNumber); // leak TC1001 direct
            meter.CreateGridOperationsCounter().Add(1, "MoveInService.Register", GridOutcome.Ok);
            return accountNumber;
        }
        catch (MeterAlreadyRegisteredException ex)
        {
            span.SetGridOutcome(GridOutcome.Refused).RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            meter.CreateGridOperationsCounter().Add(1, "MoveInService.Register", GridOutcomeValue.Custom($"already-registered:{moveIn.MeterSerial}")); // leak TC1003 generated-api
            throw;
        }
    }
}
