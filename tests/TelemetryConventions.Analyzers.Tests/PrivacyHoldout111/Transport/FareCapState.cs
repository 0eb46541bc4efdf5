namespace PrivacyHoldout111.Transport;

public sealed record Tap(string CardNumber, string ReaderId, string StopId, string Route, DateTimeOffset At);

/// <summary>
/// Daily and weekly fare caps, kept in Redis as a hash per card and day (`cap:{card}:{day}`), the cards seen today
/// in a set, and the cap reached announced on a pub/sub channel for the app's push service.
/// </summary>
public sealed class FareCapState(IConnectionMultiplexer redis, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<FareCapState> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Caps");
    private static readonly Meter Meter = new("Transit.Fares.Caps");
    private static readonly Counter<long> Capped = Meter.CreateCounter<long>("fares.capped");

    private readonly FarestateCacheLookupsCounter _lookups = Meter.CreateFarestateCacheLookupsCounter();
    private readonly FarestateCacheFillDurationHistogram _fill = Meter.CreateFarestateCacheFillDurationHistogram();

    public async Task<decimal> ChargeAsync(Tap tap, decimal fare, decimal dailyCap)
    {
        var db = redis.GetDatabase();
        var day = tap.At.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var key = $"cap:{tap.CardNumber}:{day}";
        var started = Stopwatch.GetTimestamp();
        var spentPence = await db.HashIncrementAsync(key, "spent", 0);
        await db.SetAddAsync($"seen:{day}", tap.CardNumber);
        _fill.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "redis"); // clean direct
        _lookups.Add(1, "redis", spentPence > 0 ? "hit" : "miss", tap.Route); // clean precision-names

        using var span = Source.StartFarestateCacheFill("redis").SetFarestateCardId(pseudonymizer.PseudonymizeFarestateCardId(tap.CardNumber)).SetFarestateRoute(tap.Route); // clean precision-pseudonym
        span.Activity?.SetTag("fares.reader", tap.ReaderId); // clean precision-names
        span.Activity?.SetTag("fares.card.last4", tap.CardNumber[^4..]); // clean precision-about
        var spent = spentPence / 100m;
        var charge = Math.Max(0, Math.Min(fare, dailyCap - spent));
        await db.HashIncrementAsync(key, "spent", (long)(charge * 100));
        span.SetFarestateNote($"charged {charge:0.00} of {fare:0.00}"); // clean precision-about
        if (charge < fare)
        {
            Capped.Add(1, new KeyValuePair<string, object?>("route", tap.Route)); // clean precision-names
            Capped.Add(1, new KeyValuePair<string, object?>("card", tap.CardNumber)); // leak TC1003 direct
            span.SetFarestateCacheKey(key); // leak TC1001 generated-api
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("caps:reached"), JsonSerializer.Serialize(new { card = tap.CardNumber, day }));
            logger.LogInformation("Cap reached on {CapKey}", key); // leak TC1001 strings
        }
        return charge;
    }

    public async Task DescribeAsync(string cardNumber, string day)
    {
        var db = redis.GetDatabase();
        try
        {
            var fields = await db.HashGetAllAsync($"cap:{cardNumber}:{day}");
            Activity.Current?.SetTag("fares.cap.fields", fields.Length); // clean precision-about
            logger.LogDebug("Cap state {Fields}", string.Join(",", fields.Select(f => f.ToString()))); // clean logging-objects
        }
        catch (RedisTimeoutException ex)
        {
            logger.LogWarning(ex, "Cap state read timed out"); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
        }
    }

    public async Task DailyRolloverAsync(string day)
    {
        var db = redis.GetDatabase();
        var seen = await db.SetMembersAsync($"seen:{day}");
        var length = await db.SetLengthAsync($"seen:{day}");
        logger.LogInformation("Rolled over {Day}: {Cards} cards seen", day, length); // clean precision-about
        logger.LogDebug("Cards seen {Day}: {CardList}", day, seen.Select(s => s.ToString()).ToArray()); // leak TC1001 logging-objects
        var sample = seen.Take(5).Select(s => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s.ToString())))[..10]);
        logger.LogDebug("Sample of seen cards {Sample}", string.Join(",", sample)); // leak TC1002 hashes
        var shards = seen.GroupBy(s => KeyedShard.Of(secrets.ShardKey, s.ToString(), 8)).ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("Seen cards per shard {Shards}", shards); // clean hashes
        await db.KeyDeleteAsync($"seen:{day}");
    }

    public Task ListenForCapsAsync() =>
        redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal("caps:reached"), (channel, message) =>
        {
            logger.LogInformation("Cap message on {Channel}: {Message}", channel, message); // leak TC1001 cross-member
            Activity.Current?.SetTag("fares.cap.channel", channel.ToString()); // clean precision-names
        });
}
