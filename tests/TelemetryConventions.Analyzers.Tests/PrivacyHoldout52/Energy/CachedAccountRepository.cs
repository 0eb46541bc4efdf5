using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Energy;

public sealed record AccountView(string AccountNumber, string HolderName, string TariffCode, int SupplyPoints, decimal Balance);

public interface IAccountRepository
{
    Task<AccountView?> GetAsync(string accountNumber, CancellationToken cancellationToken);
}

public sealed class EfAccountRepository(BillingLedgerContext db) : IAccountRepository
{
    public async Task<AccountView?> GetAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var points = await db.SupplyPoints.Where(s => s.AccountNumber == accountNumber && s.ClosedAt == null).ToListAsync(cancellationToken);
        return points.Count == 0 ? null : new AccountView(accountNumber, string.Empty, points[0].TariffCode, points.Count, 0m);
    }
}

/// <summary>Decorates the account repository with the shared Redis cache (registered with Scrutor's Decorate).</summary>
public sealed partial class CachedAccountRepository(IAccountRepository inner, IDistributedCache cache, ILogger<CachedAccountRepository> logger, Pseudonymizer pseudonymizer, Meter meter) : IAccountRepository
{
    private static readonly ActivitySource Source = new("Energy.Accounts");

    public async Task<AccountView?> GetAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var cacheKey = "acct:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountNumber)));
        using var span = Source.StartDataOperation("query", "Account").SetDataQueryName("AccountView");
        span.SetDataCacheKey(cacheKey); // leak TC1002 hashes

        var cached = await cache.GetStringAsync(cacheKey, cancellationToken);
        meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "AccountView", dataCacheHit: cached is not null); // clean precision-about
        if (cached is not null)
        {
            CacheHit(logger, accountNumber); // leak TC1001 direct
            return JsonSerializer.Deserialize<AccountView>(cached);
        }

        var account = await inner.GetAsync(accountNumber, cancellationToken);
        if (account is null)
        {
            AccountMissing(logger, accountNumber); // clean direct
            return null;
        }

        await cache.SetStringAsync(cacheKey, JsonSerializer.Serialize(account), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15) }, cancellationToken);
        logger.LogDataAuditWrittenEvent("Account", dataOperation: "cache-fill", dataSubjectId: pseudonymizer.PseudonymizeDataSubjectId(accountNumber), dataRows: account.SupplyPoints); // clean generated-api
        logger.LogDataAuditWrittenEvent("Account", dataOperation: "cache-fill", dataNote: $"cached account {accountNumber} on tariff {account.TariffCode}"); // leak TC1001 generated-api
        span.SetDataRows(account.SupplyPoints); // clean precision-about
        logger.LogDebug("Account view cached: {Account}", account); // leak TC1001 logging-objects
        return account;
    }

    public async Task EvictAsync(string accountNumber, string reason, CancellationToken cancellationToken)
    {
        var cacheKey = "acct:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountNumber)));
        await cache.RemoveAsync(cacheKey, cancellationToken);
        Evicted(logger, reason, pseudonymizer.ComputeDataSubjectId(accountNumber)); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Account cache hit for {AccountNumber}")]
    private static partial void CacheHit(ILogger logger, string accountNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "No open supply points for account {AccountNumber}")]
    private static partial void AccountMissing(ILogger logger, [PrivateData] string accountNumber);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Account cache entry evicted ({Reason}) for {AccountRef}")]
    private static partial void Evicted(ILogger logger, string reason, string accountRef);
}
