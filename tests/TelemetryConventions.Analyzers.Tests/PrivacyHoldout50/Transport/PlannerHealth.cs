using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;

namespace PrivacyHoldout50.Transport;

public interface IPlannerProbe
{
    /// <summary>The last query riders typed that the routing engine failed on, kept for the on-call engineer.</summary>
    string? LastFailedQuery { get; }

    int FailuresLastHour { get; }

    Task PingAsync(CancellationToken cancellationToken);
}

public interface ITimetableFeed
{
    string Version { get; }

    TimeSpan Age { get; }
}

public sealed class PlannerHealthCheck(IPlannerProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["failuresLastHour"] = probe.FailuresLastHour };
        if (probe.LastFailedQuery is { } query)
        {
            data["lastFailedQuery"] = query;
        }

        try
        {
            await probe.PingAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy("Routing engine unreachable", ex, data);
        }

        return probe.FailuresLastHour > 50 ? HealthCheckResult.Degraded("Routing failures above 50 an hour", data: data) : HealthCheckResult.Healthy(data: data);
    }
}

public sealed class TimetableFeedHealthCheck(ITimetableFeed feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["version"] = feed.Version, ["ageMinutes"] = feed.Age.TotalMinutes };
        return Task.FromResult(feed.Age > TimeSpan.FromHours(2) ? HealthCheckResult.Degraded("Timetable older than two hours", data: data) : HealthCheckResult.Healthy(data: data));
    }
}

/// <summary>Publishes both checks above as a span, one set of tags per check.</summary>
public sealed class SpanHealthPublisher(ILogger<SpanHealthPublisher> logger) : IHealthCheckPublisher
{
    private static readonly ActivitySource Source = new("Transit.Health");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("health.publish");
        activity?.SetTag("health.status", report.Status.ToString()); // clean precision-names
        foreach (var (name, entry) in report.Entries)
        {
            foreach (var (key, value) in entry.Data)
            {
                activity?.SetTag($"health.{name}.{key}", value); // leak TC1001 direct
            }

            activity?.AddEvent(new ActivityEvent("health.entry", tags: new ActivityTagsCollection { ["health.check"] = name, ["health.duration_ms"] = entry.Duration.TotalMilliseconds, ["health.data_count"] = entry.Data.Count })); // clean precision-names
            if (entry.Exception is not null)
            {
                activity?.AddException(entry.Exception); // clean exceptions
                logger.LogHealthCheckDegradedEvent(name, healthStatus: entry.Status.ToString(), healthNote: entry.Exception.Message); // clean exceptions
            }
        }

        return Task.CompletedTask;
    }
}

public static class HealthResponse
{
    /// <summary>The health endpoint's response writer (the endpoint is reachable from the operator's network only).</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object?>();
        foreach (var (name, entry) in report.Entries)
        {
            body[name] = new { status = entry.Status.ToString(), entry.Description, entry.Data };
        }

        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, body); // clean direct
    }
}
