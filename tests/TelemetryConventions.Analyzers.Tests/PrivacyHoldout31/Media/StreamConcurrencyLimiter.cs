using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Media;

/// <summary>
/// A plan allows a number of simultaneous streams. Each stream holds one of the subscriber's slots, a
/// Redis lock whose value is the playing device and the lease id, renewed by the player's heartbeat.
/// </summary>
public sealed class StreamConcurrencyLimiter(IDatabase redis, Pseudonymizer pseudonymizer, Meter meter, ILogger<StreamConcurrencyLimiter> logger)
{
    private static readonly TimeSpan SlotLease = TimeSpan.FromMinutes(2);
    private readonly Counter<long> _refusals = meter.CreateCounter<long>("playback.concurrency.refusals");

    private static string SlotKey(Guid subscriberId, int slot) => $"stream-slot:{subscriberId:N}:{slot}";

    public async Task<string?> TryStartAsync(Guid subscriberId, string deviceId, string plan, int maxStreams)
    {
        var leaseId = Guid.NewGuid().ToString("N");
        for (var slot = 0; slot < maxStreams; slot++)
        {
            if (await redis.LockTakeAsync(SlotKey(subscriberId, slot), $"{deviceId}|{leaseId}", SlotLease))
            {
                Activity.Current?.SetTag("playback.lease_id", leaseId); // clean precision-about
                Activity.Current?.SetTag("playback.slot", slot); // clean precision-about
                Activity.Current?.SetTag("playback.subscriber", pseudonymizer.ComputeCoordinationOwnerId(subscriberId.ToString())); // clean precision-pseudonym
                return leaseId;
            }
        }

        _refusals.Add(1, new KeyValuePair<string, object?>("plan", plan), new("max_streams", maxStreams)); // clean precision-about
        var devicesInUse = new List<string>();
        for (var slot = 0; slot < maxStreams; slot++)
        {
            devicesInUse.Add((await redis.LockQueryAsync(SlotKey(subscriberId, slot))).ToString().Split('|')[0]);
        }

        logger.LogInformation("Stream limit reached on plan {Plan}; devices in use {Devices}", plan, devicesInUse); // leak TC1001 logging-objects
        Activity.Current?.SetTag("playback.refused_device", deviceId); // leak TC1001 direct
        Activity.Current?.SetTag("playback.device_class", deviceId.Split('-')[0]); // clean precision-about
        return null;
    }

    public async Task HeartbeatAsync(Guid subscriberId, int slot, string deviceId, string leaseId)
    {
        if (!await redis.LockExtendAsync(SlotKey(subscriberId, slot), $"{deviceId}|{leaseId}", SlotLease))
        {
            logger.LogWarning("Slot lease {SlotKey} lost before the heartbeat", SlotKey(subscriberId, slot)); // leak TC1001 strings
            return;
        }

        Activity.Current?.SetTag("playback.heartbeat.slot", slot);
    }
}
