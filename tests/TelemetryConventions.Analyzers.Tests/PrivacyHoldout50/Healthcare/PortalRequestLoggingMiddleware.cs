using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Healthcare;

/// <summary>
/// Correlation and request logging for the trust's patient portal API. Its routes:
/// <c>/patients/{nhsNumber}/results/{testCode}</c>, <c>/patients/{nhsNumber}/appointments</c>,
/// <c>/clinics/{clinicCode}/slots</c>, <c>/appointments/{appointmentId}</c> and the clinicians'
/// <c>/clinicians/search?hospitalNumber=…&amp;familyName=…</c>.
/// </summary>
public sealed class PortalRequestLoggingMiddleware(ILogger<PortalRequestLoggingMiddleware> logger, Pseudonymizer pseudonymizer) : IMiddleware
{
    private const string CorrelationHeader = "X-Correlation-ID";

    /// <summary>Where the middleware keeps the route's NHS number for the handlers further down.</summary>
    public const string PatientItem = "portal.nhsNumber";

    private static readonly Meter PortalMeter = new("Trust.PatientPortal");
    private static readonly Histogram<double> RequestDuration = PortalMeter.CreateHistogram<double>("portal.request.duration", "ms");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var correlationId = request.Headers[CorrelationHeader].ToString();
        if (string.IsNullOrWhiteSpace(correlationId))
        {
            correlationId = context.TraceIdentifier;
        }

        context.Response.Headers[CorrelationHeader] = correlationId;

        var activity = Activity.Current;
        activity?.SetTag("portal.correlation_id", correlationId); // clean precision-names
        Baggage.SetBaggage("portal.correlation_id", correlationId); // clean precision-names
        activity?.SetTag("user_agent.original", request.Headers.UserAgent.ToString()); // clean precision-names

        var remoteAddress = context.Connection.RemoteIpAddress;
        activity?.SetTag("client.address", remoteAddress?.ToString()); // leak TC1001 direct
        activity?.SetTag("network.type", remoteAddress?.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4"); // clean precision-about

        if (request.RouteValues.TryGetValue("nhsNumber", out var routeValue) && routeValue is string nhsNumber)
        {
            context.Items[PatientItem] = nhsNumber;
            activity?.SetTag(ApiAttributes.CallerId, pseudonymizer.ComputeApiCallerId(nhsNumber)); // clean precision-pseudonym
            activity?.SetTag("portal.patient.nhs_number_last4", nhsNumber[^4..]); // clean precision-about
        }

        if (request.Path.StartsWithSegments("/clinicians/search"))
        {
            logger.LogInformation("Clinician search with {TermCount} terms: {Terms}", request.Query.Count, string.Join(",", request.Query.Keys)); // clean precision-names
            activity?.SetTag("portal.search.hospital_number", request.Query["hospitalNumber"].ToString()); // leak TC1001 direct
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = correlationId, ["ClientAddress"] = remoteAddress?.ToString() }); // leak TC1001 logging-objects

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            logger.LogInformation("HTTP {Method} {Route} responded {StatusCode} in {Elapsed:0.0} ms", request.Method, route, context.Response.StatusCode, elapsed); // clean precision-names
            logger.LogDebug("HTTP {Method} {Path}{Query} responded {StatusCode}", request.Method, request.Path, request.QueryString, context.Response.StatusCode); // leak TC1001 strings
            RequestDuration.Record(elapsed, new KeyValuePair<string, object?>("http.route", route), new KeyValuePair<string, object?>("http.response.status_code", context.Response.StatusCode)); // clean precision-names
        }
    }
}
