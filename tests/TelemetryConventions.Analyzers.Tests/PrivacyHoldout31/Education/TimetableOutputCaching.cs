using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Web;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Education;

/// <summary>
/// Output caching of the student portal. Routes: <c>/students/{studentNumber}/timetable</c> and
/// <c>/courses/{courseCode}</c>.
/// </summary>
public static class PortalOutputCaching
{
    public static void AddPolicies(OutputCacheOptions options)
    {
        options.AddPolicy("timetable", builder => builder
            .SetVaryByRouteValue("studentNumber")
            .AddPolicy<StudentTimetableCachePolicy>()
            .Tag("timetables")
            .Expire(TimeSpan.FromMinutes(10)));

        options.AddPolicy("course-page", builder => builder
            .SetVaryByRouteValue("courseCode")
            .Tag("courses")
            .Expire(TimeSpan.FromHours(1)));
    }
}

public sealed class StudentTimetableCachePolicy(Pseudonymizer pseudonymizer, ILogger<StudentTimetableCachePolicy> logger) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var student = context.HttpContext.Request.RouteValues.TryGetValue("studentNumber", out var s) ? s?.ToString() : null;
        if (student is null)
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.Tags.Add($"student:{student}");
        context.CacheVaryByRules.VaryByValues["student"] = student;

        Activity.Current?.SetTag("output_cache.tags", string.Join(",", context.Tags)); // leak TC1001 strings
        Activity.Current?.SetTag("output_cache.vary_by", string.Join(",", context.CacheVaryByRules.VaryByValues.Keys)); // clean precision-names
        logger.LogDebug("Timetable caching applied for {Student}", pseudonymizer.ComputeCacheSubjectId(student)); // clean precision-pseudonym
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Activity.Current?.SetTag("output_cache.hit", true); // clean precision-about
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Response.StatusCode != 200)
        {
            context.AllowCacheStorage = false;
            logger.LogDebug("Not storing timetable response for {Path}", context.HttpContext.Request.Path); // leak TC1001 strings
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts cached timetables when the enrolment service reports a change.</summary>
public sealed class TimetableInvalidator(IOutputCacheStore store, Meter meter, ILogger<TimetableInvalidator> logger)
{
    private readonly Counter<long> _evictions = meter.CreateCounter<long>("portal.output_cache.evictions");

    public async Task OnEnrolmentChangedAsync(string studentNumber, string courseCode, CancellationToken ct)
    {
        var tag = $"student:{studentNumber}";
        await store.EvictByTagAsync(tag, ct);
        _evictions.Add(1, new KeyValuePair<string, object?>("output_cache.tag", tag)); // leak TC1003 strings
        logger.LogInformation("Evicted timetables after an enrolment change on {CourseCode}", courseCode); // clean precision-about
    }

    public async Task OnCourseRescheduledAsync(string courseCode, int affectedStudents, CancellationToken ct)
    {
        await store.EvictByTagAsync("timetables", ct);
        logger.LogCacheInvalidatedEvent("timetables", cacheNote: $"course {courseCode} rescheduled, {affectedStudents} students"); // clean generated-api
    }
}
