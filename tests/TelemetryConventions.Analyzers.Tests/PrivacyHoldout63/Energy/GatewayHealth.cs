using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout63.Energy;

public interface IDccAdapterStatus
{
    int QueueDepth { get; }

    string? LastFailedMeterSerial { get; }

    string AdapterVersion { get; }

    Task PingAsync(CancellationToken cancellationToken);
}

/// <summary>The DCC adapter: reachable, and not too many commands waiting.</summary>
public sealed class DccAdapterHealthCheck(IDccAdapterStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["queue_depth"] = status.QueueDepth,
            ["adapter_version"] = status.AdapterVersion,
        };
        if (status.LastFailedMeterSerial is { Length: > 3 } serial)
        {
            data["last_failed_meter"] = serial;
            data["last_failed_model"] = serial[..3];
        }

        try
        {
            await status.PingAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy("DCC adapter unreachable", ex, data);
        }

        return status.QueueDepth > 500
            ? HealthCheckResult.Degraded($"{status.QueueDepth} commands queued", data: data)
            : HealthCheckResult.Healthy("DCC adapter ok", data);
    }
}

/// <summary>The day's tariff file from the pricing team.</summary>
public sealed class TariffFileHealthCheck(Func<(string Version, IReadOnlyList<string> MissingRegions)> tariffs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (version, missing) = tariffs();
        var data = new Dictionary<string, object> { ["tariff_version"] = version, ["missing_regions"] = string.Join(",", missing) };
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"Tariff {version} loaded", data)
            : HealthCheckResult.Degraded($"Tariff {version} lacks {missing.Count} regions", data: data));
    }
}

public static class GatewayHealthRegistration
{
    public static IHealthChecksBuilder AddGatewayChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DccAdapterHealthCheck>("dcc-adapter", HealthStatus.Unhealthy, new[] { "metering" })
            .AddCheck<TariffFileHealthCheck>("tariff-file", HealthStatus.Degraded, new[] { "pricing" });
}

/// <summary>Copies the metering host's report (the DCC adapter and the tariff file) onto a span for the grid-ops dashboard.</summary>
public sealed class GridOpsHealthPublisher(ActivitySource source, ILogger<GridOpsHealthPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("health.report");
        foreach (var (name, entry) in report.Entries)
        {
            activity?.SetTag($"health.{name}.status", entry.Status.ToString()); // clean precision-about
            activity?.SetTag($"health.{name}.description", entry.Description); // clean precision-about
            foreach (var (key, value) in entry.Data)
            {
                activity?.SetTag($"health.{name}.{key}", value); // leak TC1001 cross-member
            }

            if (entry.Exception is not null)
            {
                activity?.AddException(entry.Exception); // clean exceptions
            }
        }

        var unhealthy = report.Entries.Count(e => e.Value.Status == HealthStatus.Unhealthy);
        logger.LogInformation("Metering health {Status}: {Unhealthy} of {Total} unhealthy", report.Status, unhealthy, report.Entries.Count);
        logger.LogInformation("Metering health {@Statuses}", report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString())); // clean logging-objects
        logger.LogDebug("Metering health data {@Data}", report.Entries.ToDictionary(e => e.Key, e => e.Value.Data)); // leak TC1001 logging-objects

        if (report.Entries.TryGetValue("dcc-adapter", out var adapter) && adapter.Data.TryGetValue("last_failed_model", out var model))
        {
            activity?.SetTag("metering.last_failed_model", model); // clean precision-about
        }

        return Task.CompletedTask;
    }
}
