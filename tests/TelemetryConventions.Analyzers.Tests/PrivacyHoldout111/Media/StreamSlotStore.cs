namespace PrivacyHoldout111.Media;

/// <summary>
/// Concurrent streams per subscriber: a Redis set of the devices playing (`streams:{subscriberId}`), a lock while a
/// slot is taken, and a pub/sub message telling the oldest device to stop when the plan's limit is passed.
/// </summary>
public sealed class StreamSlotStore(IConnectionMultiplexer redis, Pseudonymizer pseudonymizer, ILogger<StreamSlotStore> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Slots");
    private static readonly Meter Meter = new("Streaming.Slots");
    private static readonly Counter<long> Kicks = Meter.CreateCounter<long>("slots.kicks");

    public async Task<bool> TakeAsync(Guid subscriberId, string deviceId, string plan, int limit)
    {
        var db = redis.GetDatabase();
        var key = $"streams:{subscriberId:N}";
        var lockKey = $"{key}:lock";
        var token = Guid.NewGuid().ToString("N");
        if (!await db.LockTakeAsync(lockKey, token, TimeSpan.FromSeconds(5)))
        {
            logger.LogWarning("Slot lock {LockKey} busy", lockKey); // leak TC1001 strings
            Activity.Current?.SetTag("slots.lock.token", token); // clean precision-names
            return false;
        }
        try
        {
            await db.SetAddAsync(key, deviceId);
            var playing = await db.SetMembersAsync(key);
            using var span = Source.StartViewstateSession(playing.Length > limit ? "over_limit" : "taken");
            span.SetViewstateNote($"{playing.Length}/{limit} on {plan}"); // clean precision-about
            span.Activity?.SetTag("slots.devices", string.Join(",", playing.Select(p => p.ToString()))); // leak TC1001 strings
            span.Activity?.SetTag("slots.device.class", deviceId.Split('-')[0]); // clean precision-about
            if (playing.Length > limit)
            {
                var oldest = playing[0].ToString();
                await redis.GetSubscriber().PublishAsync(RedisChannel.Literal($"kick:{subscriberId:N}"), oldest);
                Kicks.Add(1, new KeyValuePair<string, object?>("plan", plan)); // clean precision-names
                Kicks.Add(1, new KeyValuePair<string, object?>("device", oldest)); // leak TC1003 direct
                logger.LogInformation("Asked device {Device} of {Subscriber} to stop", oldest, subscriberId); // leak TC1001 direct
                logger.LogViewstateCacheEvictedEvent("redis", "capacity", key, pseudonymizer.PseudonymizeViewstateSubscriberId(subscriberId.ToString())); // leak TC1001 generated-api
            }
            return true;
        }
        catch (RedisTimeoutException ex)
        {
            logger.LogError(ex, "Slot store timed out for plan {Plan}", plan); // leak TC1001 exceptions
            return false;
        }
        finally
        {
            await db.LockReleaseAsync(lockKey, token);
        }
    }

    public async Task ReleaseAsync(Guid subscriberId, string deviceId)
    {
        var db = redis.GetDatabase();
        await db.SetRemoveAsync($"streams:{subscriberId:N}", deviceId);
        var left = await db.SetLengthAsync($"streams:{subscriberId:N}");
        Activity.Current?.SetTag("slots.left", left); // clean precision-about
        Activity.Current?.SetTag(ViewstateAttributes.SubscriberId, pseudonymizer.ComputeViewstateSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetBaggage("slots.subscriber", subscriberId.ToString("N")); // leak TC1001 direct
    }
}
