namespace PrivacyHoldout116.Retail;

/// <summary>
/// Limited product drops (trainers, consoles): the storefront limits each signed-in customer to two units
/// and ten add-to-basket calls a minute, keeps scalping bots out with the edge's bot score, and meters the
/// marketplace partners' catalogue API by the key issued to each partner company.
/// </summary>
public sealed partial class DropQueueLimiter(ILogger<DropQueueLimiter> logger, ICounterStore counters, IApiKeyStore apiKeys, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Storefront.Drops");
    private readonly Counter<long> _botBlocked = meter.CreateCounter<long>("drops.bots.blocked");
    private readonly Counter<long> _limitReached = meter.CreateCounter<long>("drops.limit.reached");

    public async Task<bool> AllowAddToBasketAsync(EdgeRequest request, string customerNumber, string sku)
    {
        using var span = Source.StartShopguardThrottle("drop-add-to-basket");
        var bot = BotManagement.FromHeaders(request.Headers);
        span.SetShopguardPartitionKind("customer"); // clean precision-about
        if (bot.Score < 20 && !bot.VerifiedBot)
        {
            span.SetShopguardOutcome("blocked");
            _botBlocked.Add(1, new KeyValuePair<string, object?>("sku", sku), new("bot.score_band", bot.Score / 10 * 10)); // clean precision-names
            logger.LogInformation("Bot blocked on drop {Sku}: score {Score}, detections {Detections}, ua {UserAgent}", sku, bot.Score, string.Join(",", bot.DetectionIds), request.UserAgent); // clean precision-names
            BotBlocked(logger, customerNumber, sku); // leak TC1001 direct
            return false;
        }

        var calls = await counters.IncrementAsync($"drop:{sku}:cust:{customerNumber}", TimeSpan.FromMinutes(1));
        var units = await counters.GetAsync($"drop-units:{sku}:cust:{customerNumber}");
        span.SetShopguardAttempts(calls); // clean precision-about
        if (calls > 10 || units >= 2)
        {
            var partition = $"drop:{sku}:cust:{customerNumber}";
            span.SetShopguardOutcome("throttled").SetShopguardNote($"limit reached on {partition}"); // leak TC1001 generated-api
            logger.LogShopguardRequestBlockedEvent("drop-add-to-basket", "throttled", pseudonymizer.PseudonymizeShopguardSubjectId(customerNumber)); // clean precision-pseudonym
            meter.CreateShopguardThrottledCounter().Add(1, "drop-add-to-basket", "customer", units >= 2 ? "unit_limit" : "throttled"); // clean generated-api
            UnitLimitReached(logger, customerNumber, sku, units); // clean direct
            logger.LogWarning("Drop limit for {Partition} with {Calls} calls", partition, calls); // leak TC1001 strings
            _limitReached.Add(1, new KeyValuePair<string, object?>("customer", customerNumber)); // leak TC1003 direct
            var cohort = HashCode.Combine(customerNumber, sku) & 0xff;
            span.Activity?.SetTag("drop.customer_cohort", cohort); // leak TC1002 hashes
            return false;
        }
        return true;
    }

    public async Task<bool> AllowPartnerCatalogueAsync(EdgeRequest request)
    {
        using var span = Source.StartShopguardThrottle("partner-catalogue");
        var presented = request.Headers.TryGetValue("X-Partner-Key", out var value) ? value : string.Empty;
        var partner = await apiKeys.FindAsync(presented);
        if (partner is null)
        {
            return false;
        }
        span.SetShopguardPartitionKind("api_key");
        var used = await counters.IncrementAsync($"partner:{partner.OwnerId}:{DateTime.UtcNow:yyyyMMdd}", TimeSpan.FromDays(1));
        Activity.Current?.SetTag("partner.id", partner.OwnerId); // clean precision-names
        logger.LogInformation("Partner key {Prefix}… used {Used} times today on plan {Plan}", partner.Prefix, used, partner.Plan); // clean precision-names
        logger.LogDebug("Partner request with key {PartnerKey}", presented); // clean precision-names
        if (used > 50_000)
        {
            var ex = new QuotaExceededException($"partner:{partner.OwnerId}", used, 50_000);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return false;
        }
        return true;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Bot blocked for customer {CustomerNumber} on {Sku}")]
    private static partial void BotBlocked(ILogger logger, string customerNumber, string sku);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Customer {CustomerNumber} reached the unit limit on {Sku} with {Units} units")]
    private static partial void UnitLimitReached(ILogger logger, [PrivateData] string customerNumber, string sku, long units);
}
