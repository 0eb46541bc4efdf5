using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Energy;

public sealed record DailyUsage(string AccountNumber, string Mpan, string MeterSerial, string Region, string Tariff, string FeederId, DateOnly Day, double Kwh);

public sealed record SupplyAccount(string AccountNumber, string HolderEmail, string HolderName, bool PriorityServices, string Region);

public interface IUsageStore
{
    Task<IReadOnlyList<DailyUsage>> ForRegionAsync(string region, DateOnly day, CancellationToken cancellationToken);

    Task<IReadOnlyList<SupplyAccount>> AccountsAsync(IEnumerable<string> accountNumbers, CancellationToken cancellationToken);
}

/// <summary>The nightly consumption roll-up of a region: tariffs, feeders, segments and the heaviest users.</summary>
public sealed class ConsumptionRollup(
    IUsageStore store,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<ConsumptionRollup> logger)
{
    public async Task RunAsync(string region, DateOnly day, CancellationToken cancellationToken)
    {
        using var rollup = source.StartUsageRollup(region); // clean direct
        var usage = await store.ForRegionAsync(region, day, cancellationToken);
        rollup.SetUsageAccountsCount(usage.Select(u => u.AccountNumber).Distinct().Count()); // clean precision-about
        rollup.SetUsageKwh(usage.Sum(u => u.Kwh));

        var histogram = meter.CreateUsageConsumptionHistogram();
        usage.ToList().ForEach(u => histogram.Record(u.Kwh, region, u.Tariff)); // clean direct

        var byTariff = usage.GroupBy(u => u.Tariff).Select(g => new { Tariff = g.Key, Accounts = g.Count(), Kwh = g.Sum(u => u.Kwh) }).OrderByDescending(t => t.Kwh).ToList();
        logger.LogInformation("Roll-up {Region} {Day}: {@Tariffs}", region, day, byTariff); // clean logging-objects
        rollup.SetUsageTariff(byTariff.First().Tariff); // clean cross-member

        var feederLoad = usage.GroupBy(u => u.FeederId).ToDictionary(g => g.Key, g => g.Sum(u => u.Kwh));
        foreach (var (feeder, kwh) in feederLoad.OrderByDescending(kv => kv.Value).Take(3))
        {
            logger.LogInformation("Feeder {Feeder}: {Kwh:F0} kWh", feeder, kwh); // clean cross-member
        }

        var heaviest = usage.OrderByDescending(u => u.Kwh).Take(10).ToList();
        logger.LogInformation("Heaviest users {Accounts}", heaviest.Select(u => (u.AccountNumber, u.Kwh))); // leak TC1001 logging-objects
        logger.LogInformation("Heaviest daily use {Kwh}", heaviest.Select(u => Math.Round(u.Kwh))); // clean logging-objects
        rollup.SetUsageNote($"top 10 from {heaviest.Last().Kwh:F0} to {heaviest.First().Kwh:F0} kWh"); // clean generated-api

        var accounts = (await store.AccountsAsync(heaviest.Select(u => u.AccountNumber), cancellationToken)).ToDictionary(a => a.AccountNumber);
        var priority = heaviest.Where(u => accounts.TryGetValue(u.AccountNumber, out var a) && a.PriorityServices).ToList();
        rollup.Activity?.SetTag("usage.heaviest.priority_services", priority.Count); // clean precision-about
        rollup.Activity?.SetTag("usage.heaviest.priority_holders", string.Join(",", priority.Select(u => accounts[u.AccountNumber].HolderName))); // leak TC1001 strings

        var segments = usage
            .GroupBy(u => u.AccountNumber)
            .Select(g => (Account: g.Key, Kwh: g.Sum(u => u.Kwh)))
            .ToLookup(a => a.Kwh switch { < 5 => "low", < 15 => "typical", _ => "high" });
        foreach (var segment in segments)
        {
            rollup.Activity?.AddEvent(new ActivityEvent("usage.segment", tags: new ActivityTagsCollection { ["segment"] = segment.Key, ["accounts"] = segment.Count() })); // clean cross-member
            logger.LogDebug("Segment {Segment}: {Accounts} accounts", segment.Key, segment.Count());
        }
        logger.LogDebug("High segment accounts {Accounts}", segments["high"].Select(a => a.Account).ToList()); // leak TC1001 logging-objects

        var accountSegment = segments.SelectMany(s => s.Select(a => (a.Account, Segment: s.Key))).ToDictionary(x => x.Account, x => x.Segment);
        logger.LogDebug("Segment counts {Counts}", accountSegment.Values.CountBy(s => s).ToDictionary()); // clean logging-objects
        logger.LogDebug("Segment map {Map}", accountSegment); // leak TC1001 logging-objects

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shards = usage.Select(u => u.AccountNumber).Distinct()
            .GroupBy(a => hmac.ComputeHash(Encoding.UTF8.GetBytes(a))[0] % 8)
            .ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("Accounts per billing shard {Shards}", shards); // clean hashes

        var legacyBuckets = usage.Select(u => u.MeterSerial).Distinct()
            .GroupBy(serial => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(serial)))[..2]);
        foreach (var bucket in legacyBuckets)
        {
            rollup.Activity?.AddEvent(new ActivityEvent("usage.legacy_bucket", tags: new ActivityTagsCollection { ["bucket"] = bucket.Key, ["meters"] = bucket.Count() })); // leak TC1002 hashes
        }

        var zeroDays = usage.Where(u => u.Kwh == 0).Select(u => u.Mpan).ToArray();
        if (zeroDays.Length > 0)
        {
            rollup.Activity?.SetTag("usage.zero_read.mpans", zeroDays); // leak TC1001 direct
            rollup.Activity?.SetTag("usage.zero_read.distributors", zeroDays.Select(m => m[..2]).Distinct().ToArray()); // clean precision-about
            foreach (var zero in usage.Where(u => u.Kwh == 0).DistinctBy(u => u.AccountNumber).Take(5))
            {
                logger.LogUsageAnomalyDetectedEvent(UsageAnomalyKind.ZeroRead, Pseudonym.FromComputed(zero.AccountNumber), region, "no consumption recorded"); // leak TC1001 precision-pseudonym
            }
        }
    }
}
