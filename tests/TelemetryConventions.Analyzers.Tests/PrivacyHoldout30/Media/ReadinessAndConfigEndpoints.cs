using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Health;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Media;

/// <summary>
/// Readiness of the continue-watching cache: reads one sampled key (<c>continue:{profileId}</c>) and checks that it
/// deserialises.
/// </summary>
public sealed class ContinueWatchingCacheCheck(ICacheStore cache, Func<Task<string?>> sampleKey) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var key = await sampleKey();
        if (key is null)
        {
            return HealthCheckResult.Healthy("cache empty");
        }

        var value = await cache.GetStringAsync(key, cancellationToken);
        var data = new Dictionary<string, object> { ["sampledKey"] = key, ["bytes"] = value?.Length ?? 0 };
        try
        {
            JsonDocument.Parse(value ?? "{}").Dispose();
            return HealthCheckResult.Healthy("sampled entry deserialised", data);
        }
        catch (JsonException ex)
        {
            return HealthCheckResult.Degraded("sampled entry is not valid JSON", ex, data);
        }
    }
}

/// <summary>Readiness of the DRM licence server (its health page: key rotation id and status).</summary>
public sealed class LicenceServerCheck(Func<Task<(string KeyId, string Status)>> probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (keyId, status) = await probe();
        var data = new Dictionary<string, object> { ["keyId"] = keyId, ["status"] = status };
        return status == "ok" ? HealthCheckResult.Healthy("licence server ok", data) : HealthCheckResult.Unhealthy($"licence server {status}", data: data);
    }
}

/// <summary>Writes the detailed readiness report of the playback API to its log, one entry at a time.</summary>
public sealed class PlaybackReadinessPublisher(ILogger<PlaybackReadinessPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        logger.LogInformation("Readiness {Status} in {Duration} ms", report.Status, report.TotalDuration.TotalMilliseconds); // clean precision-about
        foreach (var (name, entry) in report.Entries)
        {
            logger.LogInformation("{Check}: {Status} in {Duration} ms", name, entry.Status, entry.Duration.TotalMilliseconds); // clean precision-names
            if (entry.Status != HealthStatus.Healthy)
            {
                logger.LogWarning("{Check} details: {@Data}", name, entry.Data); // leak TC1001 logging-objects
            }

            if (entry.Exception is JsonException json)
            {
                logger.LogWarning(json, "{Check} could not parse its sample", name); // clean exceptions
            }
        }

        if (report.Entries.TryGetValue("licence-server", out var licence))
        {
            logger.LogInformation("Licence server reports {@Licence}", licence.Data); // clean logging-objects
        }

        return Task.CompletedTask;
    }
}

/// <summary><c>GET /debug/config</c>: the effective configuration without secrets, for on-call engineers.</summary>
public static class ConfigDumpEndpoint
{
    private static readonly ActivitySource Source = new("Media.Playback.Debug");
    private static readonly string[] Hidden = ["Key", "Secret", "Password", "ConnectionString"];

    public static void Map(WebApplication app) =>
        app.MapGroup("/debug").RequireAuthorization("on-call").MapGet("/config", Dump);

    /// <remarks>The configuration holds <c>Support:EscalationEmail</c>, the on-call manager's own mailbox.</remarks>
    internal static IResult Dump(IAppConfiguration configuration, ILogger<PlaybackReadinessPublisher> logger)
    {
        using var span = Source.StartDiagDump("/debug/config"); // clean precision-names
        var visible = configuration.AsEnumerable()
            .Where(kv => !Hidden.Any(h => kv.Key.Contains(h, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        logger.LogInformation("Effective configuration: {Config}", string.Join("; ", visible.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 strings
        var features = visible.Where(kv => kv.Key.StartsWith("Features:", StringComparison.Ordinal)).ToList();
        logger.LogInformation("Feature settings: {Features}", string.Join("; ", features.Select(kv => $"{kv.Key}={kv.Value}"))); // clean precision-names
        span.SetDiagCheckDescription($"{visible.Count} settings shown, {Hidden.Length} patterns hidden"); // clean precision-about
        return Results.Json(visible);
    }
}
