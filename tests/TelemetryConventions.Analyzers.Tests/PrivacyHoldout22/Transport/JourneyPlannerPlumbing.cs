using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout22.Telemetry;

namespace PrivacyHoldout22.Transport;

public sealed class PlannerException(string from, string to, string reason)
    : Exception($"No journey from '{from}' to '{to}': {reason}");

/// <summary>
/// The app's journey planner client. Riders type where they start and where they go: usually a
/// postcode or an address, sometimes a stop.
/// </summary>
public sealed class JourneyPlannerClient(HttpClient http, ILogger<JourneyPlannerClient> logger)
{
    public async Task<string> PlanAsync(string from, string to, DateTimeOffset departAt, CancellationToken ct)
    {
        var uri = $"journeys?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&at={departAt:O}";
        try
        {
            using var response = await http.GetAsync(uri, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new PlannerException(from, to, ((int)response.StatusCode).ToString());
            }

            return await response.Content.ReadAsStringAsync(ct);
        }
        catch (PlannerException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", nameof(PlannerException)); // clean exceptions
            logger.LogWarning("Planner found no journey ({FromLength} and {ToLength} characters)", from.Length, to.Length); // clean precision-about
            throw;
        }
    }
}

/// <summary>Logs every planner call; registered on <see cref="JourneyPlannerClient"/>.</summary>
public sealed class PlannerLoggingHandler(ILogger<PlannerLoggingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        logger.LogInformation("Planner {Method} {PathAndQuery} -> {Status} in {ElapsedMs} ms", request.Method, request.RequestUri?.PathAndQuery, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds); // leak TC1001 strings
        logger.LogInformation("Planner {Method} {Path} -> {Status}", request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode); // clean precision-names
        return response;
    }
}

/// <summary>What the HttpClient instrumentation adds to planner calls.</summary>
public static class PlannerClientTracing
{
    public static TracerProviderBuilder AddPlannerTracing(this TracerProviderBuilder builder) =>
        builder.AddHttpClientInstrumentation(options =>
        {
            options.EnrichWithHttpRequestMessage = (activity, request) => activity.SetTag("planner.url", request.RequestUri?.ToString()); // leak TC1001 strings
            options.EnrichWithHttpResponseMessage = (activity, response) => activity.SetTag("planner.cached", response.Headers.Age is not null); // clean precision-about
            options.EnrichWithException = (activity, exception) => activity.EnrichGatewayRequest("journeys").SetGatewayOutcome(exception.GetType().Name); // clean exceptions
        });
}
