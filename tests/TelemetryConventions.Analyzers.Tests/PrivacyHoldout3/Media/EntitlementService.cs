using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Media;

public sealed record Entitlement(string SubscriberId, StreamPlan Plan, int MaxDevices, DateTimeOffset ExpiresAt);

public sealed record DeviceRegistration(string RegistrationId, string SubscriberId, string UserAgent, string ProfileName);

internal static class SpanTags
{
    /// <summary>Adds the tags every playback-related span carries; called from deep inside the services.</summary>
    public static void TagSubscriber(string subscriberId, StreamPlan plan)
    {
        Activity.Current?.SetTag("stream.plan", plan.ToWireValue()); // clean direct
        Activity.Current?.SetTag("stream.subscriber", subscriberId); // leak TC1001 direct
    }

    public static void TagDevice(DeviceRegistration device, [CallerMemberName] string caller = "")
    {
        Activity.Current?.SetTag("device.user_agent", device.UserAgent); // clean precision-names
        Activity.Current?.SetTag("device.caller", caller); // clean precision-names
    }
}

public sealed class EntitlementService(IDistributedCache cache, ILogger<EntitlementService> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _cacheMisses = meter.CreateCounter<long>("stream.entitlement.cache_misses");

    public async Task<Entitlement?> GetAsync(string subscriberId, CancellationToken ct)
    {
        var cacheKey = $"entitlement:{subscriberId}";
        var cached = await cache.GetAsync(cacheKey, ct);
        if (cached is null)
        {
            _cacheMisses.Add(1, new KeyValuePair<string, object?>("cache.key", cacheKey)); // leak TC1003 strings
            _cacheMisses.Add(1, new KeyValuePair<string, object?>("cache.key_prefix", "entitlement")); // clean precision-names
            logger.LogDebug("Cache miss for {CacheKey}", cacheKey); // leak TC1001 strings
            return null;
        }

        var entitlement = JsonSerializer.Deserialize<Entitlement>(cached);
        if (entitlement is not null)
        {
            SpanTags.TagSubscriber(subscriberId, entitlement.Plan); // leak TC1001 cross-member
        }

        return entitlement;
    }

    public async Task<IResult> CheckAsync(string subscriberId, DeviceRegistration device, ActivitySource source, CancellationToken ct)
    {
        using var span = source.StartStreamCheck(pseudonymizer.PseudonymizeStreamSubscriberId(subscriberId));
        SpanTags.TagDevice(device); // clean precision-names
        var entitlement = await GetAsync(subscriberId, ct);

        var verdict = entitlement switch
        {
            null => "no-entitlement",
            { ExpiresAt: var at } when at < DateTimeOffset.UtcNow => "expired",
            { Plan: StreamPlan.Basic } when device.UserAgent.Contains("TV", StringComparison.Ordinal) => "plan-excludes-tv",
            _ => "ok",
        };
        span.SetStreamNote(verdict); // clean generated-api

        if (verdict != "ok")
        {
            span.AddStreamCheckDeniedEvent(pseudonymizer.PseudonymizeStreamSubscriberId(subscriberId), streamNote: $"{verdict} on {device.ProfileName}"); // leak TC1001 generated-api
            span.AddStreamCheckDeniedEvent(pseudonymizer.PseudonymizeStreamSubscriberId(subscriberId), streamNote: verdict, streamEntitlementId: device.RegistrationId); // clean generated-api
            return Results.Forbid();
        }

        span.SetStreamDevicesCount(entitlement!.MaxDevices); // clean precision-about
        var renewed = entitlement with { ExpiresAt = DateTimeOffset.UtcNow.AddDays(30) };
        logger.LogInformation("Renewed {Entitlement}", renewed); // leak TC1001 logging-objects
        logger.LogInformation("Renewed plan {Plan} until {ExpiresAt}", renewed.Plan, renewed.ExpiresAt); // clean logging-objects
        return Results.Ok(renewed);
    }
}
