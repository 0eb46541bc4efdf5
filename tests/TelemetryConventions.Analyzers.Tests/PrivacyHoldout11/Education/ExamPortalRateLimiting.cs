using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;

namespace PrivacyHoldout11.Education;

/// <summary>
/// Rate limits and output caching of the exam portal: answers are saved at most twice a second per
/// student, the timetable is cached per school and year group, a student's own results per student.
/// </summary>
public static class ExamPortalRateLimiting
{
    public const string PerStudentPolicy = "per-student";
    public const string PerSchoolPolicy = "per-school";

    private static readonly Meter Meter = new("Learning.ExamPortal");
    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>("exam.rate_limited");

    public static void Configure(RateLimiterOptions options, ILogger logger)
    {
        options.AddPolicy(PerStudentPolicy, http =>
        {
            var studentNumber = http.User.FindFirstValue("student_number") ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
            return RateLimitPartition.GetFixedWindowLimiter($"student:{studentNumber}", _ => new FixedWindowRateLimiterOptions { PermitLimit = 2, Window = TimeSpan.FromSeconds(1) });
        });

        options.AddPolicy(PerSchoolPolicy, http =>
            RateLimitPartition.GetTokenBucketLimiter(http.Request.Host.Host, _ => new TokenBucketRateLimiterOptions { TokenLimit = 500, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) }));

        options.OnRejected = (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var partition = http.User.FindFirstValue("student_number") is { } number ? $"student:{number}" : http.Request.Host.Host;
            context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);

            logger.LogWarning("Rate limited {Partition}, retry after {RetryAfter}", partition, retryAfter); // leak TC1001 strings
            Rejections.Add(1, new KeyValuePair<string, object?>("school", http.Request.Host.Host)); // clean precision-about
            Rejections.Add(1, new KeyValuePair<string, object?>("partition", partition)); // leak TC1003 strings
            Meter.CreateIdentityRateLimitedCounter().Add(1, PerStudentPolicy, identityTenant: http.Request.Host.Host); // clean generated-api
            Activity.Current?.SetTag("exam.retry_after_seconds", retryAfter.TotalSeconds);
            http.Response.Headers["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString();
            return ValueTask.CompletedTask;
        };
    }

    public static void ConfigureCache(OutputCacheOptions options)
    {
        options.AddPolicy("timetable", builder => builder
            .Expire(TimeSpan.FromMinutes(10))
            .VaryByValue(http => new KeyValuePair<string, string>("year_group", http.User.FindFirstValue("year_group") ?? "none")));

        options.AddPolicy("my-results", new StudentResultsCachePolicy());
    }
}

/// <summary>Caches a student's own results page per student, keyed with a hash of the student number.</summary>
public sealed class StudentResultsCachePolicy : IOutputCachePolicy
{
    private static readonly ActivitySource Source = new("Learning.ExamPortal");

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var studentNumber = context.HttpContext.User.FindFirstValue("student_number");
        context.EnableOutputCaching = studentNumber is not null;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        if (studentNumber is null)
        {
            return ValueTask.CompletedTask;
        }

        // Keep student numbers out of the cache store's keys.
        var varyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(studentNumber)));
        context.CacheVaryByRules.VaryByValues["student"] = varyKey;
        context.Tags.Add("results");
        Activity.Current?.SetTag("exam.cache.vary_key", varyKey); // leak TC1002 hashes
        Activity.Current?.SetTag("exam.cache.vary_by_count", context.CacheVaryByRules.VaryByValues.Count);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Activity.Current?.SetTag("exam.cache.hit", true);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        using var activity = Source.StartActivity("exam.results.cache_store");
        activity?.SetTag("exam.cache.prefix", context.CacheVaryByRules.CacheKeyPrefix); // clean precision-names
        activity?.SetTag("exam.cache.expires_in", context.ResponseExpirationTimeSpan?.TotalSeconds);
        return ValueTask.CompletedTask;
    }
}
