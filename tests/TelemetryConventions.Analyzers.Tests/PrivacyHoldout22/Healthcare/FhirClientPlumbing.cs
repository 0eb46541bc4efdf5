using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout22.Telemetry;

namespace PrivacyHoldout22.Healthcare;

public sealed record FhirBundle(string ResourceType, int Total);

/// <summary>The typed client of the trust's FHIR store. Patient searches go by NHS number in the query.</summary>
public sealed class FhirPatientClient(HttpClient http)
{
    public Task<FhirBundle?> FindByNhsNumberAsync(string nhsNumber, CancellationToken ct) =>
        http.GetFromJsonAsync<FhirBundle>($"Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}", ct);

    public Task<FhirBundle?> ObservationsAsync(string patientResourceId, string loincCode, CancellationToken ct) =>
        http.GetFromJsonAsync<FhirBundle>($"Observation?subject=Patient/{patientResourceId}&code={loincCode}", ct);

    public Task<FhirBundle?> PractitionerRolesAsync(string organisationCode, CancellationToken ct) =>
        http.GetFromJsonAsync<FhirBundle>($"PractitionerRole?organization={organisationCode}", ct);
}

/// <summary>Registered on <see cref="FhirPatientClient"/> only.</summary>
public sealed class FhirLoggingHandler(ILogger<FhirLoggingHandler> logger, Meter meter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var resource = ResourceType(request.RequestUri);
        logger.LogDebug("FHIR request {Method} {Uri}", request.Method, request.RequestUri); // leak TC1001 strings

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "FHIR {Resource} search failed: {Error}", resource, ex.HttpRequestError); // clean exceptions
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        logger.LogInformation("FHIR {Method} {Resource} answered {Status} in {ElapsedMs} ms", request.Method, resource, (int)response.StatusCode, elapsed.TotalMilliseconds); // clean precision-about
        meter.CreateGatewayDownstreamDurationHistogram().Record(elapsed.TotalSeconds, "fhir-store", gatewayRoute: resource); // clean generated-api

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // An OperationOutcome: its diagnostics repeat the search parameters the store could not match.
            logger.LogWarning("FHIR store rejected {Query}: {OperationOutcome}", request.RequestUri?.Query, body); // leak TC1001 strings
        }

        return response;
    }

    private static string ResourceType(Uri? uri) =>
        uri?.Segments.LastOrDefault()?.Split('?')[0].TrimEnd('/') ?? "unknown";
}

/// <summary>What the HttpClient instrumentation adds to the outgoing FHIR spans.</summary>
public static class FhirClientTracing
{
    public static TracerProviderBuilder AddFhirClientTracing(this TracerProviderBuilder builder) =>
        builder.AddHttpClientInstrumentation(options =>
        {
            options.FilterHttpRequestMessage = request => request.RequestUri?.Host.EndsWith("fhir.nhs.uk", StringComparison.Ordinal) == true;
            options.EnrichWithHttpRequestMessage = (activity, request) =>
            {
                activity.SetTag("fhir.search", request.RequestUri?.Query); // leak TC1001 strings
                activity.SetTag("fhir.search.parameter_count", request.RequestUri?.Query.Count(c => c == '&') + 1); // clean precision-about
                activity.SetTag("fhir.host", request.RequestUri?.Host); // clean precision-names
            };
            options.EnrichWithHttpResponseMessage = (activity, response) =>
            {
                activity.SetTag("fhir.etag", response.Headers.ETag?.Tag); // clean precision-names
                activity.SetTag("fhir.response.length", response.Content.Headers.ContentLength); // clean precision-about
            };
            options.EnrichWithException = (activity, exception) => activity.SetStatus(Status.Error.WithDescription(exception.Message)); // clean exceptions
        });
}
