using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Transport;

/// <summary>
/// Limits of the transit API: the anonymous journey planner (<c>/journeys/plan?from=…&amp;to=…</c>, where
/// riders type places or addresses) is limited per client address, a card's journey history
/// (<c>/cards/{cardNumber}/journeys</c>) per card.
/// </summary>
public static class TransitRateLimiting
{
    private static readonly Meter TransitMeter = new("Transit.Api");
    private static readonly ApiThrottledCounter Throttled = TransitMeter.CreateApiThrottledCounter();

    // The abuse desk's meter, exported to its own backend: which callers keep hitting the limits.
    private static readonly Meter AbuseMeter = new("Transit.Api.Abuse");
    private static readonly ApiThrottledCounter ThrottledCallers = AbuseMeter.CreateApiThrottledCounter();

    public static void Configure(RateLimiterOptions options, ILogger logger, Pseudonymizer pseudonymizer)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy("planner", http =>
            RateLimitPartition.GetTokenBucketLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => new TokenBucketRateLimiterOptions { TokenLimit = 20, TokensPerPeriod = 5, ReplenishmentPeriod = TimeSpan.FromSeconds(10) }));
        options.AddPolicy("card-history", http =>
            RateLimitPartition.GetFixedWindowLimiter($"card:{http.Request.RouteValues["cardNumber"]}", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) })); // clean strings

        options.OnRejected = (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
            var partition = route == "/journeys/plan" ? $"ip:{address}" : $"card:{http.Request.RouteValues["cardNumber"]}";

            logger.LogWarning("Throttled {Route}, partition {Partition}", route, partition); // leak TC1001 strings
            Activity.Current?.SetTag("ratelimit.partition.kind", partition.Split(':')[0]); // clean precision-about
            ThrottledCallers.Add(1, route, apiCallerId: pseudonymizer.PseudonymizeApiCallerId(address.ToString())); // leak TC1003 precision-pseudonym

            if (route == "/journeys/plan")
            {
                Throttled.Add(1, route, apiPartition: Network16(address)); // clean precision-about
                logger.LogInformation("Throttled planner query from {From} to {To}", http.Request.Query["from"].ToString(), http.Request.Query["to"].ToString()); // leak TC1001 direct
                logger.LogDebug("Throttled planner query {@Query}", http.Request.Query); // leak TC1001 logging-objects
                logger.LogInformation("Throttled planner query, {FromLength} and {ToLength} characters", http.Request.Query["from"].ToString().Length, http.Request.Query["to"].ToString().Length); // clean precision-about
            }
            else
            {
                Throttled.Add(1, route, apiPartition: partition); // leak TC1003 generated-api
            }

            return ValueTask.CompletedTask;
        };
    }

    private static string Network16(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 ? $"{bytes[0]}.{bytes[1]}.0.0/16" : "ipv6";
    }
}
