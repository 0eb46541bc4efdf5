using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Transport;

/// <summary>Daily fare capping: what a travel card has spent today, kept in Redis until the next morning.</summary>
public sealed class FareCapCache(IDatabase redis, Pseudonymizer pseudonymizer, Meter meter, ILogger<FareCapCache> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fares");
    private readonly Histogram<long> _spend = meter.CreateHistogram<long>("fares.daily_spend", "p");
    private readonly Counter<long> _capped = meter.CreateCounter<long>("fares.capped");

    public static long CapFor(string zoneBand) => zoneBand switch
    {
        "1-2" => 810,
        "1-4" => 1150,
        _ => 1590,
    };

    public async Task<long> ChargeAsync(string cardNumber, long farePence, DateOnly day, string zoneBand)
    {
        var capKey = $"cap:{cardNumber}:{day:yyyyMMdd}";
        using var span = Source.StartCacheLookup("fare-caps");
        span.SetCacheSubjectId(pseudonymizer.PseudonymizeCacheSubjectId(cardNumber)); // clean precision-pseudonym

        var spentBefore = (long)await redis.StringGetAsync(capKey);
        var cap = CapFor(zoneBand);
        var charge = Math.Max(0, Math.Min(farePence, cap - spentBefore));
        var spent = await redis.StringIncrementAsync(capKey, charge);
        await redis.KeyExpireAsync(capKey, TimeSpan.FromHours(30));

        span.SetCacheOutcome(spentBefore == 0 ? "first-tap" : "existing");
        _spend.Record(spent, new KeyValuePair<string, object?>("zone_band", zoneBand));
        Activity.Current?.SetTag("fare.cap_key", capKey); // leak TC1001 strings
        Activity.Current?.SetTag("fare.card_last4", cardNumber[^4..]); // clean precision-about

        if (charge < farePence)
        {
            _capped.Add(1, new KeyValuePair<string, object?>("zone_band", zoneBand));
            span.SetCacheNote($"capped at {cap}p for card ending {cardNumber[^4..]}"); // clean generated-api
            logger.LogInformation("Daily cap reached on card {CardNumber}", cardNumber); // leak TC1001 direct
        }

        return charge;
    }

    /// <summary>A refund or a revenue-protection correction rewrites the day's total.</summary>
    public async Task CorrectAsync(string cardNumber, DateOnly day, long newTotalPence, string inspectorStaffNumber)
    {
        var capKey = $"cap:{cardNumber}:{day:yyyyMMdd}";
        await redis.StringSetAsync(capKey, newTotalPence, TimeSpan.FromHours(30));
        logger.LogCacheInvalidatedEvent("fare-caps", cacheNote: $"corrected {capKey} to {newTotalPence}p"); // leak TC1001 generated-api
        logger.LogInformation("Cap corrected by {Inspector}", pseudonymizer.ComputeCoordinationOwnerId(inspectorStaffNumber)); // clean precision-pseudonym
    }
}
