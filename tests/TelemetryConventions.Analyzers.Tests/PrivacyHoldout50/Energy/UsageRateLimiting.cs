using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;
using TelemetrySecrets = PrivacyCorpus.Shared.TelemetrySecrets;

namespace PrivacyHoldout50.Energy;

/// <summary>
/// Limits of the home energy API: sixty calls a minute per household account, or per partner company
/// for partner keys. Callers are households' API keys and partners' keys (<see cref="HomeApiKeyHandler"/>)
/// and the customer app's bearer tokens, which carry <c>account_number</c> and <c>account_ref</c>.
/// </summary>
public static class UsageRateLimiting
{
    public const string PerAccount = "per-account";

    private static readonly Meter ApiMeter = new("Supplier.HomeApi");
    private static readonly ApiThrottledCounter Throttled = ApiMeter.CreateApiThrottledCounter();
    private static readonly Counter<long> ThrottledByShard = ApiMeter.CreateCounter<long>("home_api.throttled.by_shard");

    // The customer-support dashboard's meter: which households keep hitting the limit.
    private static readonly Meter SupportMeter = new("Supplier.HomeApi.Support");
    private static readonly ApiThrottledCounter HouseholdsThrottled = SupportMeter.CreateApiThrottledCounter();

    public static void Configure(RateLimiterOptions options, ILogger logger, TelemetrySecrets secrets, Pseudonymizer pseudonymizer)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PerAccount, httpContext =>
            RateLimitPartition.GetFixedWindowLimiter(PartitionKey(httpContext), _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) }));

        options.OnRejected = (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            var partitionKey = PartitionKey(http);
            var accountNumber = http.User.FindFirst("account_number")?.Value ?? string.Empty;

            logger.LogWarning("Rate limit hit on {Route} for partition {Partition}", route, partitionKey); // leak TC1001 strings
            Throttled.Add(1, route, apiPartition: partitionKey); // leak TC1003 generated-api
            Activity.Current?.SetTag("ratelimit.partition.kind", partitionKey.Split(':')[0]); // clean precision-about
            ThrottledByShard.Add(1, new KeyValuePair<string, object?>("account.shard", KeyedShard(secrets.ShardKey, accountNumber))); // clean hashes
            Activity.Current?.SetTag("ratelimit.bucket", (accountNumber.GetHashCode() & 0x7fffffff) % 16); // leak TC1002 hashes
            Activity.Current?.SetTag(ApiAttributes.CallerId, pseudonymizer.ComputeApiCallerId(accountNumber)); // clean precision-pseudonym

            if (http.User.FindFirst("account_ref")?.Value is { Length: > 0 } accountRef)
            {
                HouseholdsThrottled.Add(1, route, apiCallerId: Pseudonym.FromComputed(accountRef)); // leak TC1001 precision-pseudonym
            }
            else if (accountNumber.Length > 0)
            {
                HouseholdsThrottled.Add(1, route, apiCallerId: pseudonymizer.PseudonymizeApiCallerId(accountNumber)); // leak TC1003 precision-pseudonym
            }

            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
                Activity.Current?.SetTag("ratelimit.retry_after_s", (int)retryAfter.TotalSeconds); // clean precision-about
            }

            return ValueTask.CompletedTask;
        };
    }

    private static string PartitionKey(HttpContext httpContext) =>
        httpContext.User.FindFirst("partner_id")?.Value is { } partner
            ? $"partner:{partner}"
            : $"account:{httpContext.User.FindFirst("account_number")?.Value ?? httpContext.Request.RouteValues["accountNumber"]}";

    private static int KeyedShard(byte[] shardKey, string value) =>
        HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(value))[0] & 0x1F;
}
