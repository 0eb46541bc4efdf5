using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Coordination;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Energy;

public interface IBillCalculator
{
    Task<decimal> CalculateAsync(string accountNumber, string billingPeriod, CancellationToken cancellationToken);
}

/// <summary>
/// Several billing workers run the same account list; a lock per account and period makes sure each
/// bill is calculated once.
/// </summary>
public sealed class BillingRunCoordinator(IDistributedLockProvider locks, IBillCalculator calculator, Pseudonymizer pseudonymizer, Meter meter, ILogger<BillingRunCoordinator> logger)
{
    private static readonly ActivitySource Source = new("Energy.Billing");
    private readonly Histogram<double> _billSeconds = meter.CreateHistogram<double>("energy.bill.calculation", "s");

    public async Task RunAsync(IReadOnlyList<string> accountNumbers, string billingPeriod, CancellationToken ct)
    {
        using var run = Source.StartActivity("billing.run");
        run?.SetTag("billing.period", billingPeriod); // clean precision-about
        run?.SetTag("billing.accounts", accountNumbers.Count);

        var skipped = new List<string>();
        foreach (var accountNumber in accountNumbers)
        {
            var accountLock = locks.CreateLock($"bill:{accountNumber}:{billingPeriod}");
            await using var handle = await accountLock.TryAcquireAsync(TimeSpan.Zero, ct);
            if (handle is null)
            {
                skipped.Add(accountNumber);
                logger.LogDebug("Skipping {LockName}: another worker holds it", accountLock.Name); // leak TC1001 strings
                continue;
            }

            using var span = Source.StartCoordinationLock(accountLock.Name); // leak TC1001 generated-api
            span.SetCoordinationOwnerId(pseudonymizer.PseudonymizeCoordinationOwnerId(accountNumber)); // clean precision-pseudonym
            var started = Stopwatch.GetTimestamp();
            await calculator.CalculateAsync(accountNumber, billingPeriod, ct);
            _billSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("billing.period", billingPeriod)); // clean precision-about
        }

        if (skipped.Count > 0)
        {
            run?.SetTag("billing.skipped", skipped.Count); // clean precision-about
            logger.LogInformation("Accounts left to other workers: {Accounts}", skipped); // leak TC1001 logging-objects
        }
    }
}

public sealed record SupplyAccount(string AccountNumber, string Mpan, string MeterSerial, string Tariff, string ETag);

public interface IAccountStore
{
    Task<SupplyAccount> GetAsync(string accountNumber, CancellationToken cancellationToken);

    Task ReplaceAsync(SupplyAccount account, string ifMatch, CancellationToken cancellationToken);
}

/// <summary>Tariff switches race with meter-read updates on the same account document; retried on a stale ETag.</summary>
public sealed class TariffSwitchService(IAccountStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<TariffSwitchService> logger)
{
    private readonly Counter<long> _conflicts = meter.CreateCounter<long>("energy.tariff_switch.conflicts");

    public async Task<bool> SwitchAsync(string accountNumber, string newTariff, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var account = await store.GetAsync(accountNumber, ct);
            try
            {
                await store.ReplaceAsync(account with { Tariff = newTariff }, account.ETag, ct);
                Activity.Current?.SetTag("tariff.from", account.Tariff); // clean precision-about
                Activity.Current?.SetTag("tariff.to", newTariff); // clean precision-about
                Activity.Current?.SetTag("tariff.switch.attempts", attempt);
                return true;
            }
            catch (PreconditionFailedException ex)
            {
                _conflicts.Add(1, new KeyValuePair<string, object?>("tariff", newTariff), new("distributor", account.Mpan[..2])); // clean precision-about
                logger.LogCoordinationRetryEvent("tariff-switch", coordinationAttempt: attempt, coordinationOwnerId: pseudonymizer.PseudonymizeCoordinationOwnerId(accountNumber)); // clean generated-api
                logger.LogWarning("ETag {ETag} stale on attempt {Attempt}: {Reason}", account.ETag, attempt, ex.Message); // clean exceptions
                logger.LogDebug("Retrying the switch of {Account}", account); // leak TC1001 logging-objects
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
            }
        }

        Activity.Current?.SetTag("tariff.switch.gave_up_for", accountNumber); // leak TC1001 direct
        return false;
    }
}

/// <summary>A bill run reads each account several times; the reads are memoized for the run.</summary>
public sealed class AccountReadMemo(IAccountStore store, ILogger<AccountReadMemo> logger)
{
    private readonly ConcurrentDictionary<string, Task<SupplyAccount>> _byAccount = new();

    public Task<SupplyAccount> GetAsync(string accountNumber, CancellationToken ct)
    {
        var read = _byAccount.GetOrAdd(accountNumber, a => store.GetAsync(a, ct));
        Activity.Current?.SetTag("account.memo.key", accountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("account.memo.entries", _byAccount.Count); // clean precision-about
        return read;
    }

    public void Clear()
    {
        logger.LogInformation("Clearing memoized accounts {Accounts}", string.Join(",", _byAccount.Keys)); // leak TC1001 logging-objects
        _byAccount.Clear();
    }
}
