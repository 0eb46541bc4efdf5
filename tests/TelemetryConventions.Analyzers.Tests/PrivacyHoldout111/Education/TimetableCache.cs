namespace PrivacyHoldout111.Education;

public sealed record TimetableWeek(string Owner, int Week, IReadOnlyList<string> Lessons);

public interface ITimetableSource
{
    Task<TimetableWeek> ForStudentAsync(string studentNumber, int week, CancellationToken cancellationToken);

    Task<TimetableWeek> ForClassAsync(string classCode, int week, CancellationToken cancellationToken);
}

/// <summary>Timetables behind IDistributedCache (Redis), with a memory cache of class weeks and its eviction callback.</summary>
public sealed class TimetableCache(
    IDistributedCache cache,
    IMemoryCache local,
    ITimetableSource source,
    Pseudonymizer pseudonymizer,
    ILogger<TimetableCache> logger)
{
    private static readonly ActivitySource Source = new("Trust.Learner.Timetable");
    private static readonly Meter Meter = new("Trust.Learner.Timetable");
    private static readonly Counter<long> Misses = Meter.CreateCounter<long>("timetable.cache.misses");

    private readonly LearnstateCacheLookupsCounter _lookups = Meter.CreateLearnstateCacheLookupsCounter();

    public async Task<TimetableWeek> StudentWeekAsync(string studentNumber, int week, CancellationToken cancellationToken)
    {
        var key = $"timetable:{studentNumber}:{week}";
        using var span = Source.StartLearnstateCacheFill("redis").SetLearnstateStudentId(pseudonymizer.PseudonymizeLearnstateStudentId(studentNumber)); // clean precision-pseudonym
        try
        {
            if (await cache.GetStringAsync(key, cancellationToken) is { } json)
            {
                _lookups.Add(1, "redis", "hit"); // clean direct
                return JsonSerializer.Deserialize<TimetableWeek>(json)!;
            }
        }
        catch (RedisTimeoutException ex)
        {
            logger.LogWarning(ex, "Timetable cache read timed out; reading the MIS"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }

        Misses.Add(1, new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 direct
        var fresh = await source.ForStudentAsync(studentNumber, week, cancellationToken);
        await cache.SetStringAsync(key, JsonSerializer.Serialize(fresh), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(6) }, cancellationToken);
        span.SetLearnstateCacheOutcome("filled").SetLearnstateEntries(fresh.Lessons.Count); // clean precision-about
        logger.LogDebug("Filled {CacheKey} with {Lessons} lessons", key, fresh.Lessons.Count); // leak TC1001 strings
        return fresh;
    }

    public async Task<TimetableWeek> ClassWeekAsync(string classCode, int week, CancellationToken cancellationToken)
    {
        var key = $"class-timetable:{classCode}:{week}";
        if (local.TryGetValue<TimetableWeek>(key, out var cached) && cached is not null)
        {
            _lookups.Add(1, "memory", "hit", classCode); // clean precision-names
            return cached;
        }
        var fresh = await source.ForClassAsync(classCode, week, cancellationToken);
        using (var entry = local.CreateEntry(key))
        {
            entry.Value = fresh;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15);
            entry.Size = fresh.Lessons.Count;
            entry.RegisterPostEvictionCallback(OnClassWeekEvicted);
        }
        Activity.Current?.SetTag(LearnstateAttributes.CacheKey, key); // clean strings
        return fresh;
    }

    private void OnClassWeekEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        logger.LogLearnstateCacheEvictedEvent("memory", reason.ToString(), key.ToString()); // clean generated-api
        if (value is TimetableWeek week)
        {
            logger.LogDebug("Evicted class week {Owner}/{Week} ({Reason})", week.Owner, week.Week, reason); // clean cross-member
        }
    }

    public async Task ForgetStudentAsync(string studentNumber, IEnumerable<int> weeks, CancellationToken cancellationToken)
    {
        var keys = weeks.Select(w => $"timetable:{studentNumber}:{w}").ToList();
        foreach (var key in keys)
        {
            await cache.RemoveAsync(key, cancellationToken);
        }
        logger.LogLearnstateCacheEvictedEvent("redis", "removed", keys[0], pseudonymizer.PseudonymizeLearnstateStudentId(studentNumber)); // leak TC1001 generated-api
        logger.LogInformation("Removed {Count} timetable weeks", keys.Count); // clean precision-about
        Activity.Current?.SetTag("timetable.evicted.keys", keys.ToArray()); // leak TC1001 logging-objects
    }
}
