namespace PrivacyHoldout111.Energy;

public sealed record Tariff(string Code, string Region, decimal UnitRate, decimal StandingCharge);

public sealed record AccountPrice(string AccountNumber, string TariffCode, decimal UnitRate, decimal Discount);

public interface IPricingEngine
{
    Task<IReadOnlyList<Tariff>> TariffsAsync(string region, CancellationToken cancellationToken);

    Task<AccountPrice> PriceForAsync(string accountNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Tariffs per region in a memory cache with a size limit, filled once per region under load (single flight), and
/// each account's own price in a short-lived entry that the app shows on every page.
/// </summary>
public sealed class TariffCache(IMemoryCache cache, IPricingEngine pricing, Pseudonymizer pseudonymizer, ILogger<TariffCache> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Pricing.Cache");
    private static readonly Meter Meter = new("Supplier.Pricing.Cache");
    private static readonly Counter<long> Evictions = Meter.CreateCounter<long>("pricing.cache.evictions");
    private static readonly Histogram<double> FillSeconds = Meter.CreateHistogram<double>("pricing.cache.fill", "s");

    private readonly SingleFlight<IReadOnlyList<Tariff>> _tariffFlights = new();
    private readonly SingleFlight<AccountPrice> _priceFlights = new();
    private readonly MeterstateCacheLookupsCounter _lookups = Meter.CreateMeterstateCacheLookupsCounter();

    public async Task<IReadOnlyList<Tariff>> TariffsAsync(string region, CancellationToken cancellationToken)
    {
        var key = $"tariffs:{region}";
        if (cache.TryGetValue<IReadOnlyList<Tariff>>(key, out var hit) && hit is not null)
        {
            _lookups.Add(1, "memory", "hit", region); // clean precision-names
            return hit;
        }
        var started = Stopwatch.GetTimestamp();
        var (tariffs, leader) = await _tariffFlights.RunAsync(key, () => pricing.TariffsAsync(region, cancellationToken));
        if (leader)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = tariffs;
            entry.Size = tariffs.Count;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            entry.RegisterPostEvictionCallback((k, v, reason, _) => Evictions.Add(1, new KeyValuePair<string, object?>("key", k), new KeyValuePair<string, object?>("reason", reason.ToString()))); // clean precision-names
            FillSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("region", region)); // clean direct
        }
        Activity.Current?.SetTag("pricing.flight.waiting", _tariffFlights.Waiting); // clean precision-about
        logger.LogDebug("Tariffs for {Region}: {Tariffs}", region, tariffs); // clean logging-objects
        return tariffs;
    }

    public async Task<AccountPrice> PriceAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var key = $"price:{accountNumber}";
        using var span = Source.StartMeterstateCacheFill("memory").SetMeterstateAccountId(pseudonymizer.PseudonymizeMeterstateAccountId(accountNumber)); // clean precision-pseudonym
        if (cache.TryGetValue<AccountPrice>(key, out var hit) && hit is not null)
        {
            span.SetMeterstateCacheOutcome("hit"); // clean direct
            return hit;
        }
        var (price, leader) = await _priceFlights.RunAsync(key, () => pricing.PriceForAsync(accountNumber, cancellationToken));
        if (!leader)
        {
            logger.LogDebug("Joined the in-flight price fill; in flight now {InFlight}", _priceFlights.InFlightKeys); // leak TC1001 logging-objects
        }
        using (var entry = cache.CreateEntry(key))
        {
            entry.Value = price;
            entry.SlidingExpiration = TimeSpan.FromMinutes(2);
            entry.Size = 1;
            entry.RegisterPostEvictionCallback(OnPriceEvicted, accountNumber);
        }
        span.SetMeterstateCacheKey(key); // leak TC1001 generated-api
        logger.LogInformation("Price {Price} cached", price); // leak TC1001 logging-objects
        span.SetMeterstateNote($"tariff={price.TariffCode} discount={price.Discount:0.00}"); // clean precision-about
        return price;
    }

    private void OnPriceEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason == EvictionReason.Capacity)
        {
            logger.LogWarning("Price entry {Key} evicted for capacity", key); // leak TC1001 cross-member
        }
        logger.LogMeterstateCacheEvictedEvent("memory", reason.ToString(), meterstateNote: $"account price, {reason}"); // clean generated-api
        Activity.Current?.SetTag("pricing.evicted.account", state); // leak TC1001 cross-member
    }

    public void Statistics()
    {
        var stats = cache.GetCurrentStatistics();
        logger.LogInformation("Pricing cache: {Entries} entries, {Hits} hits, {Misses} misses", stats?.CurrentEntryCount, stats?.TotalHits, stats?.TotalMisses); // clean precision-about
    }
}
