using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Caching;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Gaming;

public sealed record Presence(Guid PlayerId, string Gamertag, string Platform, string Region, string? PartyId);

/// <summary>Who is online: Redis with a 90 second expiry, fronted by a 30 second local copy.</summary>
public sealed class PresenceCache(IDatabase redis, IMemoryCache local, Pseudonymizer pseudonymizer, Meter meter, ILogger<PresenceCache> logger)
{
    private readonly Counter<long> _heartbeats = meter.CreateCounter<long>("presence.heartbeats");
    private readonly Counter<long> _playerHeartbeats = meter.CreateCounter<long>("presence.player_heartbeats");

    public async Task HeartbeatAsync(Presence presence)
    {
        var key = $"presence:{presence.PlayerId:N}";
        await redis.StringSetAsync(key, JsonSerializer.Serialize(presence), TimeSpan.FromSeconds(90));
        local.Set(key, presence, TimeSpan.FromSeconds(30));

        _heartbeats.Add(1, new KeyValuePair<string, object?>("platform", presence.Platform), new("region", presence.Region)); // clean precision-about
        // Per-player heartbeat rates for the disconnect investigation; the player is pseudonymised.
        _playerHeartbeats.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeCacheSubjectId(presence.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
        Activity.Current?.SetBaggage("party.id", presence.PartyId); // clean precision-about
        Activity.Current?.SetBaggage("player.gamertag", presence.Gamertag); // leak TC1001 direct
    }

    public async Task<Presence?> GetAsync(Guid playerId)
    {
        var key = $"presence:{playerId:N}";
        if (local.TryGetValue(key, out var hit) && hit is Presence cached)
        {
            Activity.Current?.SetTag("presence.source", "local"); // clean precision-about
            return cached;
        }

        try
        {
            var value = await redis.StringGetAsync(key);
            Activity.Current?.SetTag("presence.source", value.HasValue ? "redis" : "none");
            return value.HasValue ? JsonSerializer.Deserialize<Presence>(value.ToString()) : null;
        }
        catch (RedisTimeoutException ex)
        {
            logger.LogWarning(ex, "Presence lookup timed out"); // leak TC1001 exceptions
            return null;
        }
        catch (RedisConnectionException ex)
        {
            logger.LogWarning(ex, "Presence store unreachable ({FailureType})", ex.FailureType); // clean exceptions
            return null;
        }
    }

    public async Task GoOfflineAsync(Presence presence, string reason)
    {
        await redis.KeyDeleteAsync($"presence:{presence.PlayerId:N}");
        local.Remove($"presence:{presence.PlayerId:N}");
        logger.LogInformation("{Gamertag} went offline ({Reason})", presence.Gamertag, reason); // leak TC1001 cross-member
        Activity.Current?.EnrichCacheLookup("presence").AddCacheInvalidatedEvent("presence", cacheSubjectId: pseudonymizer.PseudonymizeCacheSubjectId(presence.PlayerId.ToString())); // clean generated-api
    }
}
