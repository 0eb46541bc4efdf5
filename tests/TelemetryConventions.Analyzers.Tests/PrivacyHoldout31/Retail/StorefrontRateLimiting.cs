using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrivacyHoldout31.Support.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Support.Web;

namespace PrivacyHoldout31.Retail;

/// <summary>
/// Rate limits of the storefront API. Routes: <c>/loyalty/{loyaltyNumber}/redeem</c>, <c>/search?q=…</c>,
/// <c>/partners/feed</c> (partners send their organisation key in <c>X-Partner</c>).
/// </summary>
public static class StorefrontRateLimiting
{
    public const string PolicyItem = "rate-limit-policy";

    public static void Configure(RateLimiterOptions options, TelemetrySecrets secrets, ILoggerFactory loggers, Meter meter)
    {
        var logger = loggers.CreateLogger("Storefront.RateLimiting");
        var rejected = meter.CreateCounter<long>("storefront.rate_limit.rejected");
        options.RejectionStatusCode = 429;

        // Points redemption is limited per loyalty card, whichever device the member uses.
        options.AddPolicy("loyalty-redeem", context =>
        {
            context.Items[PolicyItem] = "loyalty-redeem";
            return RateLimitPartition.GetFixedWindowLimiter(PartitionKeyOf(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) });
        });

        options.AddPolicy("search", context =>
        {
            context.Items[PolicyItem] = "search";
            return RateLimitPartition.GetSlidingWindowLimiter(PartitionKeyOf(context), _ => new SlidingWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6 });
        });

        options.AddPolicy("partner-feed", context =>
        {
            context.Items[PolicyItem] = "partner-feed";
            return RateLimitPartition.GetTokenBucketLimiter(PartitionKeyOf(context), _ => new TokenBucketRateLimiterOptions { TokenLimit = 100, TokensPerPeriod = 20, ReplenishmentPeriod = TimeSpan.FromSeconds(1) });
        });

        options.OnRejected = (rejection, _) =>
        {
            var http = rejection.HttpContext;
            var policy = http.Items.TryGetValue(PolicyItem, out var p) ? p as string ?? "global" : "global";
            rejected.Add(1, new KeyValuePair<string, object?>("rate_limit.policy", policy), new("storefront.host", http.Request.Host)); // clean precision-names
            if (rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                http.Response.Headers["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                Activity.Current?.SetTag("rate_limit.retry_after_s", (int)retryAfter.TotalSeconds);
            }

            var partition = PartitionKeyOf(http);
            Activity.Current?.SetTag("rate_limit.partition", partition); // leak TC1001 cross-member
            Activity.Current?.SetTag("rate_limit.partition_shard", ShardOf(partition, secrets.ShardKey)); // clean hashes
            logger.LogWarning("Rate limited {Method} {Path} from {ClientAddress}", http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress); // leak TC1001 direct
            return ValueTask.CompletedTask;
        };
    }

    /// <summary>The partition each policy limits: the loyalty card, the partner, or else the caller's address.</summary>
    public static string PartitionKeyOf(HttpContext context)
    {
        if (context.Request.RouteValues.TryGetValue("loyaltyNumber", out var card) && card is not null)
        {
            return $"loyalty:{card}";
        }

        if (context.Request.Headers.TryGetValue("X-Partner", out var partner))
        {
            return $"partner:{partner}";
        }

        return $"ip:{context.Connection.RemoteIpAddress}";
    }

    private static int ShardOf(string partition, byte[] key) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(partition))[0] % 8;
}

/// <summary>Partner feed traffic is reported per partner organisation for the account managers.</summary>
public sealed class PartnerFeedUsage(Meter meter, ILogger<PartnerFeedUsage> logger)
{
    private readonly Counter<long> _calls = meter.CreateCounter<long>("storefront.partner_feed.calls");

    public void Record(HttpContext context, int items)
    {
        var partner = context.Request.Headers.TryGetValue("X-Partner", out var p) ? p : "unknown";
        _calls.Add(1, new KeyValuePair<string, object?>("partner", partner)); // clean precision-about
        logger.LogDebug("Partner {Partner} fetched {Items} feed items", partner, items); // clean precision-about
    }
}
