using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Energy;

/// <summary>A quote; Reason is one of the quote engine's fixed texts ("exit fees apply", "smart meter required").</summary>
public sealed record TariffQuote(bool Eligible, string Reason, decimal MonthlyEstimate);

public interface ITariffQuoteClient
{
    Task<TariffQuote> GetQuoteAsync(string accountNumber, string tariffCode, CancellationToken cancellationToken);
}

public sealed class TariffSwitchRejectedException(string accountNumber, string reason)
    : Exception($"Account {accountNumber} cannot switch tariff: {reason}")
{
    public string Reason { get; } = reason;
}

public sealed partial class TariffSwitchService(
    EnergyDbContext db,
    SupplyPointRepository supplyPoints,
    ITariffQuoteClient quotes,
    ILogger<TariffSwitchService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Energy.TariffSwitch");

    private readonly Counter<long> _switchFailures = meter.CreateCounter<long>("energy.tariff.switch.failures", "{account}");

    private readonly Counter<long> _balanceAdjustments = meter.CreateCounter<long>("energy.balance.adjustments", "{adjustment}");

    public async Task<Result<int>> SwitchAsync(string tariffCode, IReadOnlyList<string> accountNumbers, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tariff.switch");
        activity?.SetTag("energy.tariff.code", tariffCode); // clean direct
        activity?.SetTag("energy.switch.accounts", accountNumbers.Count); // clean precision-about

        var all = Task.WhenAll(accountNumbers.Select(a => SwitchOneAsync(a, tariffCode, cancellationToken)));
        try
        {
            await all;
        }
        catch (Exception) when (all.Exception is { } aggregate)
        {
            var failures = aggregate.Flatten().InnerExceptions;
            activity?.SetTag("energy.switch.failed", failures.Count); // clean precision-about
            activity?.AddException(aggregate); // leak TC1001 exceptions
            foreach (var failure in failures)
            {
                if (failure is TariffSwitchRejectedException rejected)
                {
                    logger.LogWarning("Tariff switch refused: {Reason}", rejected.Reason); // clean exceptions
                    _switchFailures.Add(1, new KeyValuePair<string, object?>("energy.switch.reason", rejected.Reason)); // clean exceptions
                }
                else
                {
                    logger.LogWarning(failure, "Tariff switch failed with {ExceptionType}", failure.GetType().Name); // clean exceptions
                }
            }

            var firstRejection = failures.OfType<TariffSwitchRejectedException>().FirstOrDefault();
            activity?.SetStatus(ActivityStatusCode.Error, firstRejection?.Message); // leak TC1001 exceptions
            return Error.Failure("tariff.partial", $"{failures.Count} of {accountNumbers.Count} accounts could not switch");
        }

        return accountNumbers.Count;
    }

    public async Task<Result> SwitchByMeterAsync(string meterSerial, string tariffCode, CancellationToken cancellationToken)
    {
        var meterRef = Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(meterSerial)))[..12];
        Activity.Current?.SetTag("energy.meter.ref", meterRef); // leak TC1002 hashes
        var supplyPoint = await supplyPoints.FindByMeterSerialAsync(meterSerial, cancellationToken);
        if (supplyPoint is null)
        {
            var notFound = Error.NotFound("meter.unknown", $"No supply point has meter {meterSerial}");
            logger.LogInformation("Switch by meter refused: {Description}", notFound.Description); // leak TC1001 strings
            return Result.Failure(notFound);
        }

        var result = await SwitchAsync(tariffCode, new[] { supplyPoint.AccountNumber }, cancellationToken);
        return result.IsSuccess ? Result.Success() : Result.Failure(result.Error);
    }

    public async Task AdjustBalanceAsync(string accountNumber, decimal amount, CancellationToken cancellationToken)
    {
        using var save = Source.StartPersistenceSave(nameof(MeterAccount)); // clean generated-api
        save.SetPersistenceSubjectId(pseudonymizer.PseudonymizePersistenceSubjectId(accountNumber)); // clean precision-pseudonym
        for (var attempt = 1; ; attempt++)
        {
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.AccountNumber == accountNumber, cancellationToken)
                ?? throw new InvalidOperationException("The account does not exist");
            account.Balance += amount;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                save.SetPersistenceRetryAttempt(attempt); // clean generated-api
                _balanceAdjustments.Add(1, new KeyValuePair<string, object?>(PersistenceAttributes.SubjectId, pseudonymizer.ComputePersistenceSubjectId(accountNumber))); // leak TC1003 precision-pseudonym
                return;
            }
            catch (DbUpdateException ex) when (ex.InnerException is DbException { IsTransient: true } transient && attempt < 4)
            {
                var delay = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt));
                LogTransient(logger, transient.SqlState, attempt, delay); // clean exceptions
                logger.LogWarning("Retrying balance adjustment of account {AccountNumber}", accountNumber); // leak TC1001 direct
                save.SetPersistenceDetail($"transient {transient.SqlState}, retry {attempt} for {accountNumber}"); // leak TC1001 generated-api
                db.ChangeTracker.Clear();
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private async Task SwitchOneAsync(string accountNumber, string tariffCode, CancellationToken cancellationToken)
    {
        var quote = await quotes.GetQuoteAsync(accountNumber, tariffCode, cancellationToken);
        if (!quote.Eligible)
        {
            throw new TariffSwitchRejectedException(accountNumber, quote.Reason);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Transient database fault {SqlState} on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogTransient(ILogger logger, string? sqlState, int attempt, TimeSpan delay);
}
