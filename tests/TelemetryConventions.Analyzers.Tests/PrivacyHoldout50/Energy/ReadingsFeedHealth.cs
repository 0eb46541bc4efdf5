using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;

namespace PrivacyHoldout50.Energy;

public interface IReadingsFeedMonitor
{
    TimeSpan Lag { get; }

    int RejectedLastHour { get; }

    /// <summary>The MPAN of the last reading the feed rejected, for the support team's health page.</summary>
    string? LastRejectedMpan { get; }
}

public interface ITariffCache
{
    int Count { get; }

    DateTimeOffset LoadedAt { get; }
}

/// <summary>The readings feed from the meter data gateway: degraded after fifteen minutes of lag.</summary>
public sealed class ReadingsFeedHealthCheck(IReadingsFeedMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["lagSeconds"] = monitor.Lag.TotalSeconds,
            ["rejectedLastHour"] = monitor.RejectedLastHour,
        };
        if (monitor.LastRejectedMpan is { } mpan)
        {
            data["lastRejectedMpan"] = mpan;
        }

        return Task.FromResult(monitor.Lag > TimeSpan.FromMinutes(15)
            ? HealthCheckResult.Degraded($"Readings feed {monitor.Lag.TotalMinutes:0} min behind", data: data)
            : HealthCheckResult.Healthy("Readings feed current", data));
    }
}

public sealed class TariffCacheHealthCheck(ITariffCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.Count == 0
            ? HealthCheckResult.Unhealthy("No tariffs loaded")
            : HealthCheckResult.Healthy($"{cache.Count} tariffs", new Dictionary<string, object> { ["loadedAt"] = cache.LoadedAt }));
}

/// <summary>Publishes the report of both checks above to the logs every thirty seconds.</summary>
public sealed class HealthLogPublisher(ILogger<HealthLogPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            logger.LogInformation("Health {Check} {Status} in {Duration} ms: {Description}", name, entry.Status, entry.Duration.TotalMilliseconds, entry.Description); // clean precision-names
            if (entry.Status != HealthStatus.Healthy)
            {
                logger.LogHealthCheckDegradedEvent(name, healthStatus: entry.Status.ToString(), healthNote: string.Join(", ", entry.Data.Select(d => $"{d.Key}={d.Value}"))); // leak TC1001 generated-api
            }

            logger.LogDebug("Health {Check} data keys {Keys}", name, string.Join(",", entry.Data.Keys)); // clean precision-names
            logger.LogTrace("Health {Check} data {@Data}", name, entry.Data); // leak TC1001 logging-objects
        }

        return Task.CompletedTask;
    }
}
