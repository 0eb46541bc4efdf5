using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Media;

/// <summary>
/// Enforces the plan's number of simultaneous streams: the playback start endpoint is limited by a
/// concurrency limiter partitioned by the subscriber.
/// </summary>
public sealed class StreamConcurrencyLimiter(Pseudonymizer pseudonymizer, ILogger<StreamConcurrencyLimiter> logger)
{
    public const string Policy = "concurrent-streams";

    private static readonly Meter Meter = new("Streaming.Playback");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("playback.streams.refused");

    public void Configure(RateLimiterOptions options)
    {
        options.AddPolicy(Policy, http =>
        {
            var subscriber = http.User.FindFirstValue("subscriber_number") ?? "anonymous";
            var maxStreams = int.TryParse(http.User.FindFirstValue("max_streams"), out var max) ? max : 1;
            return RateLimitPartition.GetConcurrencyLimiter(subscriber, _ => new ConcurrencyLimiterOptions { PermitLimit = maxStreams, QueueLimit = 0 });
        });

        options.OnRejected = (context, _) =>
        {
            var user = context.HttpContext.User;
            var subscriber = user.FindFirstValue("subscriber_number");
            var plan = user.FindFirstValue("plan") ?? "unknown";

            Refused.Add(1, new KeyValuePair<string, object?>("plan", plan)); // clean precision-about
            Refused.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeIdentityAccountId(subscriber ?? "anonymous"))); // leak TC1003 precision-pseudonym
            Meter.CreateIdentityRateLimitedCounter().Add(1, Policy, identityTenant: plan); // clean generated-api
            Activity.Current?.SetTag("playback.refused.max_streams", user.FindFirstValue("max_streams"));
            logger.LogInformation("Stream refused for {Subscriber} on plan {Plan}", subscriber, plan); // leak TC1001 direct
            logger.LogInformation("Stream refused for {Subscriber} on plan {Plan}", pseudonymizer.ComputeIdentityAccountId(subscriber ?? "anonymous"), plan); // clean precision-pseudonym
            return ValueTask.CompletedTask;
        };
    }
}
