using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout63.Healthcare;

public sealed record RejectedAdtMessage(string MessageControlId, string HospitalNumber, string FamilyName, string Reason, DateTimeOffset At);

/// <summary>Kept up to date by <see cref="AdtFeedWorker"/>; read by the health check.</summary>
public sealed class AdtFeedMonitor
{
    public DateTimeOffset LastMessageAt { get; set; } = DateTimeOffset.UtcNow;

    public int RejectedLastHour { get; set; }

    public RejectedAdtMessage? LastRejected { get; set; }

    public TimeSpan Lag => DateTimeOffset.UtcNow - LastMessageAt;
}

/// <summary>The ADT feed from the PAS: healthy while messages keep arriving and few are rejected.</summary>
public sealed class AdtFeedHealthCheck(AdtFeedMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["lag_seconds"] = Math.Round(monitor.Lag.TotalSeconds),
            ["rejected_last_hour"] = monitor.RejectedLastHour,
        };

        if (monitor.LastRejected is { } rejected)
        {
            data["last_rejected_hospital_number"] = rejected.HospitalNumber; // clean direct
            data["last_rejected_reason"] = rejected.Reason;
        }

        if (monitor.Lag > TimeSpan.FromMinutes(15))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"ADT feed {monitor.Lag.TotalMinutes:0} minutes behind", data: data));
        }

        return Task.FromResult(monitor.LastRejected is { } last && monitor.RejectedLastHour > 5
            ? HealthCheckResult.Degraded($"{monitor.RejectedLastHour} rejected; last was {last.FamilyName} ({last.HospitalNumber})", data: data) // clean strings
            : HealthCheckResult.Healthy("ADT feed current", data));
    }
}

/// <summary>The bed board's cache of ward occupancy.</summary>
public sealed class BedBoardHealthCheck(Func<IReadOnlyCollection<string>> staleWards) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stale = staleWards();
        var data = new Dictionary<string, object> { ["stale_wards"] = stale.Count, ["wards"] = string.Join(",", stale) };
        return Task.FromResult(stale.Count == 0
            ? HealthCheckResult.Healthy("All wards current", data)
            : HealthCheckResult.Degraded($"{stale.Count} wards stale", data: data));
    }
}

public static class ClinicHealthRegistration
{
    public static IHealthChecksBuilder AddClinicChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<AdtFeedHealthCheck>("adt-feed", HealthStatus.Degraded, new[] { "pas", "ready" })
            .AddCheck<BedBoardHealthCheck>("bed-board", tags: new[] { "ready" });
}

/// <summary>Publishes every report of the clinic host's checks (the ADT feed and the bed board) to the logs, a span and a gauge.</summary>
public sealed class ClinicHealthPublisher(ILogger<ClinicHealthPublisher> logger, ActivitySource source, Meter meter) : IHealthCheckPublisher
{
    private readonly Dictionary<string, HealthStatus> _lastStatus = new(StringComparer.Ordinal);
    private readonly Counter<long> _transitions = meter.CreateCounter<long>("clinic.health.transitions");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("health.publish");
        activity?.SetTag("health.status", report.Status.ToString());
        activity?.SetTag("health.summary", string.Join(" | ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description}"))); // leak TC1001 strings
        activity?.SetTag("health.duration_ms", report.TotalDuration.TotalMilliseconds);

        foreach (var (name, entry) in report.Entries)
        {
            logger.LogInformation("Check {Check} is {Status} after {DurationMs} ms", name, entry.Status, entry.Duration.TotalMilliseconds); // clean precision-about
            logger.LogInformation("Check {Check}: {Description}", name, entry.Description); // leak TC1001 cross-member
            logger.LogDebug("Check {Check} data: {Data}", name, string.Join("; ", entry.Data.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 logging-objects
            logger.LogDebug("Check {Check} reported keys {Keys}", name, string.Join(",", entry.Data.Keys)); // clean precision-about

            if (_lastStatus.TryGetValue(name, out var previous) && previous != entry.Status)
            {
                _transitions.Add(1, new KeyValuePair<string, object?>("check", name), new KeyValuePair<string, object?>("to", entry.Status.ToString()));
                activity?.AddEvent(new ActivityEvent("health.transition", tags: new ActivityTagsCollection { ["check"] = name, ["from"] = previous.ToString(), ["to"] = entry.Status.ToString() })); // clean precision-about
            }

            _lastStatus[name] = entry.Status;
        }

        if (report.Entries.TryGetValue("bed-board", out var beds) && beds.Data.TryGetValue("stale_wards", out var staleCount))
        {
            activity?.SetTag("clinic.wards.stale", staleCount);
        }

        if (report.Entries.TryGetValue("adt-feed", out var adt) && adt.Data.TryGetValue("last_rejected_hospital_number", out var lastRejectedPatient))
        {
            activity?.SetTag("clinic.adt.last_rejected", lastRejectedPatient); // leak TC1001 cross-member
        }

        if (report.Entries.TryGetValue("adt-feed", out var feed) && feed.Data.TryGetValue("rejected_last_hour", out var rejectedCount))
        {
            activity?.SetTag("clinic.adt.rejected_last_hour", rejectedCount);
        }

        return Task.CompletedTask;
    }
}
