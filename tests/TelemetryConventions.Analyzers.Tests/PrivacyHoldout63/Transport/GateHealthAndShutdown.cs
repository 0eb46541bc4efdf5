using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout63.Transport;

/// <summary>Heartbeats of the gate readers and the last tap the hotlist rejected.</summary>
public sealed class ReaderHeartbeatMonitor
{
    public ConcurrentDictionary<string, DateTimeOffset> LastSeen { get; } = new(StringComparer.Ordinal);

    public string? LastRejectedCard { get; set; }

    public int RejectedToday { get; set; }
}

public sealed class ReaderFleetHealthCheck(ReaderHeartbeatMonitor monitor, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var offline = monitor.LastSeen.Where(r => now - r.Value > TimeSpan.FromMinutes(2)).Select(r => r.Key).OrderBy(r => r).ToList();
        var data = new Dictionary<string, object>
        {
            ["offline_readers"] = string.Join(",", offline),
            ["rejected_today"] = monitor.RejectedToday,
            ["last_rejected_card"] = monitor.LastRejectedCard ?? string.Empty, // clean direct
        };
        return Task.FromResult(offline.Count switch
        {
            0 => HealthCheckResult.Healthy($"{monitor.LastSeen.Count} readers online", data),
            < 5 => HealthCheckResult.Degraded($"{offline.Count} readers offline", data: data),
            _ => HealthCheckResult.Unhealthy($"{offline.Count} readers offline", data: data),
        });
    }
}

public sealed class HotlistSyncHealthCheck(Func<(string Version, int Entries, DateTimeOffset SyncedAt)> hotlist) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (version, entries, syncedAt) = hotlist();
        var data = new Dictionary<string, object> { ["hotlist_version"] = version, ["entries"] = entries, ["synced_at"] = syncedAt };
        return Task.FromResult(DateTimeOffset.UtcNow - syncedAt > TimeSpan.FromHours(1)
            ? HealthCheckResult.Unhealthy($"Hotlist {version} is stale", data: data)
            : HealthCheckResult.Healthy($"Hotlist {version} with {entries} cards", data));
    }
}

public static class GateHealthRegistration
{
    public static IHealthChecksBuilder AddGateChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<ReaderFleetHealthCheck>("readers", HealthStatus.Degraded)
            .AddCheck<HotlistSyncHealthCheck>("hotlist", HealthStatus.Unhealthy);
}

/// <summary>Publishes the gate host's report (the readers and the hotlist) for the control room.</summary>
public sealed class GateOpsHealthPublisher(ActivitySource source, ILogger<GateOpsHealthPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("gate.health");
        foreach (var (name, entry) in report.Entries)
        {
            logger.LogInformation("{Check} is {Status}: {Description}", name, entry.Status, entry.Description); // clean precision-about
            if (entry.Status != HealthStatus.Healthy)
            {
                logger.LogWarning("{Check} data {Data}", name, entry.Data); // leak TC1001 logging-objects
            }
        }

        if (report.Entries.TryGetValue("readers", out var readers))
        {
            activity?.SetTag("gate.readers.offline", readers.Data.GetValueOrDefault("offline_readers")); // clean precision-about
            activity?.SetTag("gate.rejected.last_card", readers.Data.GetValueOrDefault("last_rejected_card")); // leak TC1001 cross-member
        }

        return Task.CompletedTask;
    }
}

/// <summary>Buffers taps while the queue is unreachable, so that a gate never waits on the network.</summary>
public sealed class TapBuffer
{
    public ConcurrentQueue<Tap> Pending { get; } = new();
}

/// <summary>Flushes the tap buffer on shutdown and says what it could not flush.</summary>
public sealed class GateHostShutdown(TapBuffer buffer, Func<Tap, Task<bool>> flush, IHostApplicationLifetime lifetime, ILogger<GateHostShutdown> logger) : IHostedLifecycleService
{
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => logger.LogWarning("Gate host stopping with {BufferedTaps} taps buffered", buffer.Pending.Count));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var failed = new List<Tap>();
        while (buffer.Pending.TryDequeue(out var tap))
        {
            if (!await flush(tap))
            {
                failed.Add(tap);
            }
        }

        logger.LogInformation("Flushed buffer; {Failed} taps not sent", failed.Count);
        if (failed.Count > 0)
        {
            logger.LogWarning("Taps lost at shutdown: {Cards}", failed.Select(t => t.CardNumber)); // leak TC1001 logging-objects
            logger.LogWarning("Taps lost at shutdown from readers {Readers}", failed.Select(t => t.ReaderId).Distinct()); // clean logging-objects
            logger.LogWarning("First lost tap: {Tap}", failed[0]); // leak TC1001 logging-objects
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Gate host stopped after {Uptime}", _uptime.Elapsed);
        return Task.CompletedTask;
    }
}
