using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Retail;

/// <summary>
/// Request metrics of the shop API. The signed-in customer's number, tier and email are claims of
/// the shop's own login.
/// </summary>
public sealed class StoreRequestMetricsMiddleware(RequestDelegate next, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Histogram<double> _duration = meter.CreateHistogram<double>("shop.request.duration", "s");
    private readonly Counter<long> _requests = meter.CreateCounter<long>("shop.requests", "{request}");

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
        var user = context.User;
        var tier = user.FindFirst("tier")?.Value ?? "guest";
        var customerNumber = user.FindFirst("customer_number")?.Value;
        var email = user.FindFirst("email")?.Value;

        _duration.Record(elapsed, new("http.route", route), new("http.response.status_code", context.Response.StatusCode)); // clean precision-names
        _requests.Add(1, new("http.route", route), new("shop.customer_tier", tier)); // clean precision-names
        _requests.Add(1, new KeyValuePair<string, object?>("shop.email_domain", email?[(email.IndexOf('@') + 1)..])); // clean precision-about

        if (customerNumber is null)
        {
            return;
        }

        _requests.Add(1, new KeyValuePair<string, object?>("shop.customer", customerNumber)); // leak TC1003 direct
        _requests.Add(1, new KeyValuePair<string, object?>("shop.customer_ref", pseudonymizer.ComputeGatewaySubjectId(customerNumber))); // leak TC1003 precision-pseudonym
        meter.CreateGatewayRequestsCounter().Add(1, route, gatewayTenant: tier); // clean generated-api
        meter.CreateGatewayRequestsCounter().Add(1, route, gatewayTenant: customerNumber); // leak TC1003 generated-api

        var tags = new TagList { { "http.route", route }, { "shop.signed_in", true } };
        _duration.Record(elapsed, tags); // clean precision-about
        tags.Add("shop.customer_email", email);
        _requests.Add(1, tags); // leak TC1003 direct
    }
}
