using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout56.Telemetry;

namespace PrivacyHoldout56.Education;

public sealed record Course(string CourseCode, string Title, int Capacity);

public sealed record LearnerProfile(string StudentNumber, string DisplayName, int YearGroup, string TutorGroup);

public interface ICourseCatalogue
{
    Task<Course?> GetAsync(string courseCode);
}

public interface ILearnerProfiles
{
    Task<LearnerProfile?> GetAsync(string studentNumber);

    Task InvalidateAsync(string studentNumber);
}

public static class CatalogueRegistration
{
    public static IServiceCollection AddCachedCatalogue(this IServiceCollection services) =>
        services
            .Decorate<ICourseCatalogue, CachingCourseCatalogue>()
            .Decorate<ILearnerProfiles, CachingLearnerProfiles>();
}

public sealed class CachingCourseCatalogue(ICourseCatalogue inner, IMemoryCache cache, Meter meter, ILogger<CachingCourseCatalogue> logger) : ICourseCatalogue
{
    public async Task<Course?> GetAsync(string courseCode)
    {
        var key = $"course:{courseCode}";
        Activity.Current?.SetTag("cache.key", key); // clean strings
        if (cache.TryGetValue<Course>(key, out var cached))
        {
            meter.CreateLearningCacheLookupsCounter().Add(1, LearningCacheResult.Hit, "course"); // clean generated-api
            return cached;
        }

        meter.CreateLearningCacheLookupsCounter().Add(1, LearningCacheResult.Miss, "course");
        logger.LogDebug("Cache miss for {CacheKey}", key); // clean strings
        var course = await inner.GetAsync(courseCode);
        cache.Set(key, course, TimeSpan.FromMinutes(30));
        return course;
    }
}

public sealed class CachingLearnerProfiles(
    ILearnerProfiles inner,
    IDistributedCache cache,
    Meter meter,
    ILogger<CachingLearnerProfiles> logger,
    TelemetrySecrets secrets) : ILearnerProfiles
{
    public async Task<LearnerProfile?> GetAsync(string studentNumber)
    {
        var key = $"learner:{studentNumber}";
        Activity.Current?.SetTag("cache.key", key); // leak TC1001 strings
        var json = await cache.GetStringAsync(key);
        meter.CreateLearningCacheLookupsCounter().Add(1, json is null ? LearningCacheResult.Miss : LearningCacheResult.Hit, "learner"); // clean precision-names
        logger.LogDebug("Learner cache {Result} for key digest {KeyDigest}", json is null ? "miss" : "hit", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(key)))); // leak TC1002 hashes
        if (json is not null)
        {
            return JsonSerializer.Deserialize<LearnerProfile>(json);
        }

        var profile = await inner.GetAsync(studentNumber);
        if (profile is not null)
        {
            logger.LogDebug("Caching learner profile {Profile}", profile); // leak TC1001 logging-objects
            logger.LogDebug("Caching a year {YearGroup} profile of {Length} bytes", profile.YearGroup, Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(profile))); // clean precision-about
            await cache.SetStringAsync(key, JsonSerializer.Serialize(profile), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        }

        return profile;
    }

    public async Task InvalidateAsync(string studentNumber)
    {
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 16;
        logger.LogInformation("Evicting a learner profile from shard {Shard}", shard); // clean hashes
        await cache.RemoveAsync($"learner:{studentNumber}");
        logger.LogDebug("Evicted {CacheKey}", $"learner:{studentNumber}"); // leak TC1001 strings
        await inner.InvalidateAsync(studentNumber);
    }
}
