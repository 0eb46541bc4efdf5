using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using PrivacyHoldout31.Support.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Caching;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Support.Web;
using PrivacyHoldout31.Telemetry;

namespace PrivacyHoldout31.Transport;

public sealed record Timetable(string RouteId, string Operator, IReadOnlyList<string> StopIds, DateOnly ValidFrom);

/// <summary>
/// The journey planner API. Anonymous callers are limited by address, signed-in riders by account,
/// operators' systems by their operator code. Timetables are cached per route.
/// </summary>
public static class PlannerRateLimiting
{
    public static void Configure(RateLimiterOptions options, Meter meter, ILogger logger)
    {
        var rejections = meter.CreateCounter<long>("planner.rate_limit.rejections");
        // Added for the scraping investigation: which callers keep hitting the limit.
        var rejectionsByPartition = meter.CreateCounter<long>("planner.rate_limit.rejections_by_partition");

        options.AddPolicy("planner", context =>
        {
            var rider = context.User.FindFirst("sub")?.Value;
            var operatorCode = context.Request.Headers.TryGetValue("X-Operator", out var op) ? op : null;
            var partition = operatorCode is not null ? $"operator:{operatorCode}" : rider is not null ? $"rider:{rider}" : $"ip:{context.Connection.RemoteIpAddress}";
            context.Items["planner.partition"] = partition;
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) });
        });

        options.OnRejected = (rejection, _) =>
        {
            var partition = rejection.HttpContext.Items["planner.partition"] as string ?? "unknown";
            var kind = partition.Split(':')[0];
            rejections.Add(1, new KeyValuePair<string, object?>("partition.kind", kind)); // clean precision-about
            rejectionsByPartition.Add(1, new KeyValuePair<string, object?>("partition", partition)); // leak TC1003 cross-member
            logger.LogInformation("Planner rate limit hit by a {Kind} caller", kind);
            return ValueTask.CompletedTask;
        };
    }
}

/// <summary>Route timetables change weekly; the planner keeps them in Redis.</summary>
public sealed class TimetableCache(IDatabase redis, Meter meter, ILogger<TimetableCache> logger)
{
    private static readonly ActivitySource Source = new("Transit.Planner");

    public async Task<string?> GetJsonAsync(string routeId, string operatorCode, CancellationToken ct)
    {
        var key = $"timetable:{operatorCode}:{routeId}";
        using var span = Source.StartCacheLookup("timetables");
        try
        {
            var json = await redis.StringGetAsync(key);
            span.SetCacheOutcome(json.HasValue ? "hit" : "miss");
            meter.CreateCacheLookupsCounter().Add(1, "timetables", cacheOutcome: json.HasValue ? "hit" : "miss"); // clean generated-api
            Activity.Current?.SetTag("timetable.key", key); // clean strings
            return json.HasValue ? json.ToString() : null;
        }
        catch (RedisTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Timetable cache timed out for route {RouteId}", routeId); // clean exceptions
            return null;
        }
    }
}
