using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout30.Support.Health;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Healthcare;

public sealed record PasFeedStatus(TimeSpan Lag, int QueueDepth, string? LastRejectedHospitalNumber);

public interface IPasFeedMonitor
{
    /// <summary>Reads the interface engine's status page; throws <see cref="HttpRequestException"/> when it is down.</summary>
    Task<PasFeedStatus> GetStatusAsync(CancellationToken cancellationToken);
}

/// <summary>Readiness of the ADT feed from the patient administration system.</summary>
public sealed class PasFeedHealthCheck(IPasFeedMonitor monitor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await monitor.GetStatusAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["lagSeconds"] = status.Lag.TotalSeconds,
            ["queueDepth"] = status.QueueDepth,
            ["lastRejected"] = status.LastRejectedHospitalNumber ?? "none",
        };
        return status.Lag > TimeSpan.FromMinutes(5)
            ? HealthCheckResult.Degraded($"ADT feed is {status.Lag.TotalSeconds:F0}s behind", data: data)
            : HealthCheckResult.Healthy("ADT feed is current", data);
    }
}

/// <summary>Publishes the clinic's health report (the PAS feed check and a database ping) to logs and metrics.</summary>
public sealed class ClinicHealthPublisher(Meter meter, ILogger<ClinicHealthPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            meter.CreateDiagCheckDurationHistogram().Record(entry.Duration.TotalSeconds, name, entry.Status.ToString()); // clean precision-names
            if (entry.Status == HealthStatus.Healthy)
            {
                continue;
            }

            logger.LogWarning("Health check {Check} is {Status}: {Description}", name, entry.Status, entry.Description); // clean precision-about
            logger.LogWarning("Health check {Check} data: {Data}", name, string.Join("; ", entry.Data.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 logging-objects
            logger.LogDebug("Health check {Check} reported {Keys}", name, string.Join(",", entry.Data.Keys)); // clean precision-names
            if (entry.Exception is not null)
            {
                logger.LogError(entry.Exception, "Health check {Check} failed", name); // clean exceptions
            }
        }

        return Task.CompletedTask;
    }
}

public sealed record CachedPatientContext(string HospitalNumber, string FamilyName, string Ward, IReadOnlyList<string> RecentResultIds);

/// <summary><c>GET /debug/patient-context/{sessionId}</c>: what the ward app has cached for a clinician's session.</summary>
public static class PatientContextDebugEndpoint
{
    private static readonly ActivitySource Source = new("Clinic.Diagnostics");

    public static void Map(WebApplication app) =>
        app.MapGroup("/debug").RequireAuthorization("clinical-systems").MapGet("/patient-context/{sessionId}", DumpAsync);

    internal static async Task<IResult> DumpAsync(string sessionId, ICacheStore cache, ILogger<ClinicHealthPublisher> logger)
    {
        using var span = Source.StartDiagDump("/debug/patient-context"); // clean precision-names
        var json = await cache.GetStringAsync($"patient-context:{sessionId}");
        if (json is null)
        {
            span.SetDiagCheckDescription($"no context cached for session {sessionId}"); // clean precision-names
            return Results.NotFound();
        }

        var context = JsonSerializer.Deserialize<CachedPatientContext>(json)!;
        span.SetDiagCheckDescription($"{context.RecentResultIds.Count} results cached on ward {context.Ward}"); // clean precision-about
        Activity.Current?.SetTag("debug.patient.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.HospitalNumber)))[..12]); // leak TC1002 hashes
        logger.LogDebug("Cached context for session {SessionId}: {Context}", sessionId, json); // leak TC1001 logging-objects
        logger.LogDebug("Cached context belongs to {FamilyName}", context.FamilyName); // leak TC1001 direct
        ClinicDebugLog.ContextServed(logger, sessionId, context.HospitalNumber); // clean precision-pseudonym
        return Results.Json(context);
    }
}

internal static partial class ClinicDebugLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Debug context of session {SessionId} served for {HospitalNumber}")]
    public static partial void ContextServed(ILogger logger, string sessionId, [PrivateData] string hospitalNumber);
}
