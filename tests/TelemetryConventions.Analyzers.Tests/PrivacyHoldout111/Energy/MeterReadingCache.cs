namespace PrivacyHoldout111.Energy;

public sealed record MeterReading(string MeterSerial, string Mpan, decimal ImportKwh, decimal ExportKwh, DateTimeOffset ReadAt);

/// <summary>
/// The latest reading of each smart meter, kept in a Redis hash per meter so the app can show it without a trip
/// to the head-end; other nodes are told to drop their local copies on a pub/sub channel.
/// </summary>
public sealed class MeterReadingCache(IConnectionMultiplexer redis, Pseudonymizer pseudonymizer, ILogger<MeterReadingCache> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Meters.Cache");
    private static readonly RedisChannel Invalidations = RedisChannel.Literal("meter-latest:invalidate");

    private readonly ConcurrentDictionary<string, MeterReading> _local = new(StringComparer.Ordinal);

    public async Task StoreAsync(MeterReading reading)
    {
        var db = redis.GetDatabase();
        RedisKey key = $"meter-latest:{reading.MeterSerial}";
        await db.HashSetAsync(key, new[]
        {
            new HashEntry("mpan", reading.Mpan),
            new HashEntry("import", reading.ImportKwh.ToString(CultureInfo.InvariantCulture)),
            new HashEntry("export", reading.ExportKwh.ToString(CultureInfo.InvariantCulture)),
            new HashEntry("at", reading.ReadAt.ToString("O")),
        });
        await db.KeyExpireAsync(key, TimeSpan.FromDays(2));
        await redis.GetSubscriber().PublishAsync(Invalidations, reading.MeterSerial);
        using var span = Source.StartMeterstateCacheFill("redis").SetMeterstateMeterId(pseudonymizer.PseudonymizeMeterstateMeterId(reading.MeterSerial)); // clean precision-pseudonym
        span.SetMeterstateEntries(4); // clean precision-about
        span.Activity?.SetTag("meter.model", reading.MeterSerial[..3]); // clean precision-about
        logger.LogDebug("Stored latest reading under {RedisKey}", key); // leak TC1001 strings
    }

    public async Task<MeterReading?> LatestAsync(string meterSerial)
    {
        if (_local.TryGetValue(meterSerial, out var hot))
        {
            return hot;
        }
        var db = redis.GetDatabase();
        try
        {
            var fields = await db.HashGetAllAsync($"meter-latest:{meterSerial}");
            if (fields.Length == 0)
            {
                Activity.Current?.SetTag(MeterstateAttributes.CacheOutcome, "miss"); // clean direct
                return null;
            }
            logger.LogDebug("Latest reading fields {Fields}", fields); // leak TC1001 logging-objects
            logger.LogDebug("Latest reading has fields {FieldNames}", string.Join(",", fields.Select(f => f.Name.ToString()))); // clean precision-names
            var map = fields.ToDictionary(f => (string)f.Name!, f => (string)f.Value!);
            var reading = new MeterReading(meterSerial, map["mpan"], decimal.Parse(map["import"], CultureInfo.InvariantCulture), decimal.Parse(map["export"], CultureInfo.InvariantCulture), DateTimeOffset.Parse(map["at"], CultureInfo.InvariantCulture));
            _local[meterSerial] = reading;
            Activity.Current?.SetTag("meter.reading.age_s", (DateTimeOffset.UtcNow - reading.ReadAt).TotalSeconds); // clean precision-about
            return reading;
        }
        catch (RedisConnectionException ex)
        {
            logger.LogError(ex, "Redis unavailable ({Failure}); falling back to the head-end", ex.FailureType); // clean exceptions
            return null;
        }
        catch (RedisTimeoutException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return null;
        }
    }

    public Task ListenAsync() =>
        redis.GetSubscriber().SubscribeAsync(Invalidations, (channel, message) =>
        {
            var removed = _local.TryRemove(message.ToString(), out _);
            logger.LogDebug("Invalidation on {Channel} for {Meter}, removed={Removed}", channel, message, removed); // leak TC1001 cross-member
            Activity.Current?.AddEvent(new ActivityEvent("meter-latest.invalidated", tags: new ActivityTagsCollection { ["channel"] = channel.ToString(), ["removed"] = removed })); // clean precision-names
        });

    public void LogHotSet()
    {
        logger.LogInformation("Local hot set holds {Count} meters", _local.Count); // clean precision-about
        logger.LogDebug("Local hot set {Meters}", _local.Keys); // leak TC1001 logging-objects
    }
}
