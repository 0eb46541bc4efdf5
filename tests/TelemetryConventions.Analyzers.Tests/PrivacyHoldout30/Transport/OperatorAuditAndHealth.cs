using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Health;

namespace PrivacyHoldout30.Transport;

/// <summary>Writes operator actions to the operations log, which the security team searches.</summary>
public static class OperatorAudit
{
    public static void Log(ILogger logger, string action, string operatorStaffNumber, string target) =>
        logger.LogInformation("Operator {Operator} ran {Action} on {Target}", operatorStaffNumber, action, target); // leak TC1001 direct
}

/// <summary>Tags the request span with what an operator touched.</summary>
public static class AuditSpan
{
    public static void Tag(Activity? activity, string action, string target)
    {
        activity?.SetTag("audit.action", action);
        activity?.SetTag("audit.target", target);
    }
}

/// <summary>Depot tools: a controller pulls a bus from service.</summary>
public sealed class DepotTools(ILogger<DepotTools> logger)
{
    public void PullFromService(string busId, string controllerStaffNumber, string reasonCode)
    {
        AuditSpan.Tag(Activity.Current, "pull-from-service", busId); // clean cross-member
        OperatorAudit.Log(logger, "pull-from-service", controllerStaffNumber, busId); // leak TC1001 cross-member
        logger.LogInformation("Bus {BusId} pulled from service: {Reason}", busId, reasonCode); // clean precision-names
    }
}

public sealed record GateFeedStatus(int GatesOnline, int GatesTotal, TimeSpan OldestUnsentTap, string? LastRejectedCard);

/// <summary>Readiness of the gate-tap feed: gates online and the oldest tap not yet sent to the back office.</summary>
public sealed class GateFeedHealthCheck(Func<CancellationToken, Task<GateFeedStatus>> status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = await status(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["gatesOnline"] = s.GatesOnline,
            ["oldestUnsentSeconds"] = s.OldestUnsentTap.TotalSeconds,
            ["lastRejectedCard"] = s.LastRejectedCard ?? "",
        };
        return s.GatesOnline * 10 < s.GatesTotal * 9
            ? HealthCheckResult.Degraded($"{s.GatesTotal - s.GatesOnline} gates offline", data: data)
            : HealthCheckResult.Healthy($"{s.GatesOnline}/{s.GatesTotal} gates online", data);
    }
}

/// <summary>Writes every check's detail to the span of the health endpoint, for the network operations dashboard.</summary>
public sealed class GateHealthSpanPublisher : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        foreach (var (name, entry) in report.Entries)
        {
            activity?.SetTag($"health.{name}.status", entry.Status.ToString()); // clean precision-names
            activity?.SetTag($"health.{name}.description", entry.Description); // clean precision-about
            foreach (var (key, value) in entry.Data)
            {
                activity?.SetTag($"health.{name}.{key}", value); // leak TC1001 cross-member
            }
        }

        return Task.CompletedTask;
    }
}
