using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;

namespace PrivacyHoldout11.Gaming;

/// <summary>
/// Rate limiting of the matchmaking API (per player when signed in, per address otherwise) and output
/// caching of the leaderboard (one entry per season and platform, one per player for "around me").
/// </summary>
public sealed class MatchmakingAccessPolicies(IdentitySecrets secrets, ILogger<MatchmakingAccessPolicies> logger)
{
    private static readonly Meter Meter = new("Arcadia.Matchmaking");
    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>("matchmaking.throttled");

    public void ConfigureLimiter(RateLimiterOptions options)
    {
        options.RejectionStatusCode = 429;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetSlidingWindowLimiter(PartitionKey(http), _ => new SlidingWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromSeconds(10), SegmentsPerWindow = 5 }));

        options.OnRejected = (context, _) =>
        {
            var http = context.HttpContext;
            var playerId = http.User.FindFirstValue("player_id");
            var platform = http.User.FindFirstValue("platform") ?? "web";

            Throttled.Add(1, new KeyValuePair<string, object?>("platform", platform), new("signed_in", playerId is not null)); // clean precision-about
            Throttled.Add(1, new KeyValuePair<string, object?>("shard", Shard(playerId ?? "anon"))); // clean hashes
            Activity.Current?.SetTag("matchmaking.partition.bucket", (playerId ?? "anon").GetHashCode() & 0x3F); // leak TC1002 hashes
            logger.LogInformation("Throttled matchmaking for {Partition}", PartitionKey(http)); // leak TC1001 cross-member
            Meter.CreateIdentityRateLimitedCounter().Add(1, PartitionKey(http)); // leak TC1003 generated-api
            logger.LogInformation("Throttled player {PlayerId} on {Platform}", playerId, platform); // leak TC1001 direct
            return ValueTask.CompletedTask;
        };
    }

    public static void ConfigureLeaderboardCache(OutputCacheOptions options)
    {
        options.AddPolicy("leaderboard", builder => builder
            .Expire(TimeSpan.FromSeconds(30))
            .SetVaryByQuery("season", "platform")
            .Tag("leaderboard"));
        options.AddPolicy("leaderboard-around-me", new AroundMeCachePolicy());
    }

    private static string PartitionKey(HttpContext http) =>
        http.User.FindFirstValue("player_id") is { } player ? "player:" + player : "ip:" + http.Connection.RemoteIpAddress;

    private int Shard(string playerId)
    {
        var mac = HMACSHA256.HashData(secrets.PartitionKey, Encoding.UTF8.GetBytes(playerId));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % 16);
    }
}

/// <summary>The "around me" page varies by the player; its entries are tagged so a new score evicts them.</summary>
public sealed class AroundMeCachePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var player = context.HttpContext.User.FindFirstValue("player_id") ?? string.Empty;
        var gamertag = context.HttpContext.User.FindFirstValue("gamertag") ?? string.Empty;
        context.EnableOutputCaching = player.Length > 0;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.CacheVaryByRules.VaryByValues["player"] = player;
        context.Tags.Add($"around-me:{player}");

        Activity.Current?.SetTag("leaderboard.cache.tags", string.Join(",", context.Tags)); // leak TC1001 strings
        Activity.Current?.SetTag("leaderboard.cache.enabled", context.EnableOutputCaching);
        Activity.Current?.SetTag("leaderboard.viewer", gamertag); // leak TC1001 direct
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Activity.Current?.SetTag("leaderboard.cache.stored", context.AllowCacheStorage);
        return ValueTask.CompletedTask;
    }
}
