using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;

namespace PrivacyHoldout72.Healthcare;

public sealed record AppointmentDto(string AppointmentId, string Clinic, DateTimeOffset StartsAt, string Status);

public sealed record PrescriptionDto(string PrescriptionId, string Medicine, int RepeatsLeft);

public sealed record LabResultDto(string ResultId, string Test, string Flag, DateTimeOffset ReportedAt);

/// <summary>The home screen of the portal app, composed from three services.</summary>
public sealed record PatientSummary(
    string NhsNumber,
    string GivenName,
    IReadOnlyList<AppointmentDto> Appointments,
    IReadOnlyList<PrescriptionDto> Prescriptions,
    IReadOnlyList<LabResultDto> LabResults,
    IReadOnlyList<string> Missing);

/// <summary>
/// The portal BFF's summary endpoint: calls appointments, records and labs in parallel with the
/// patient's downstream tokens, tolerates a failed part, caches the composed answer for a minute.
/// </summary>
public sealed class PatientSummaryComposer(
    HttpClient appointments,
    HttpClient records,
    HttpClient labs,
    IMemoryCache cache,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PatientSummaryComposer> logger)
{
    private readonly PortalRequestsCounter _requests = meter.CreatePortalRequestsCounter();
    private readonly Histogram<double> _composeSeconds = meter.CreateHistogram<double>("portal.summary.compose.duration", "s");

    public async Task<PatientSummary> GetSummaryAsync(HttpContext http, CancellationToken ct)
    {
        var nhsNumber = http.User.FindFirst("nhs_number")!.Value;
        var givenName = http.User.FindFirst(ClaimTypes.GivenName)?.Value ?? string.Empty;
        var cacheKey = $"summary:{nhsNumber}";
        var span = Activity.Current.EnrichPortalRequest("portal-summary");

        if (cache.TryGetValue(cacheKey, out var cached) && cached is PatientSummary hit)
        {
            logger.LogDebug("Summary cache hit {CacheKey}", cacheKey); // leak TC1001 strings
            span.SetPortalOutcome("cache-hit"); // clean precision-about
            return hit;
        }

        var started = Stopwatch.GetTimestamp();
        var missing = new List<string>();
        var appointmentsTask = FetchAsync<AppointmentDto>(appointments, $"/patients/{nhsNumber}/appointments", "appointments", missing, ct);
        var prescriptionsTask = FetchAsync<PrescriptionDto>(records, $"/patients/{nhsNumber}/prescriptions", "records", missing, ct);
        var labsTask = FetchAsync<LabResultDto>(labs, $"/results?patient={nhsNumber}", "labs", missing, ct);
        await Task.WhenAll(appointmentsTask, prescriptionsTask, labsTask);

        var summary = new PatientSummary(nhsNumber, givenName, appointmentsTask.Result, prescriptionsTask.Result, labsTask.Result, missing);
        cache.Set(cacheKey, summary, TimeSpan.FromMinutes(1));

        var patientRef = pseudonymizer.PseudonymizePortalPatientId(nhsNumber);
        span.SetPortalPatientId(patientRef) // clean precision-pseudonym
            .SetPortalParts(3 - missing.Count) // clean precision-about
            .SetPortalOutcome(missing.Count == 0 ? "ok" : "partial:" + string.Join("+", missing)); // clean precision-about

        _composeSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("portal.parts.missing", missing.Count)); // clean precision-about
        _requests.Add(1, "portal-summary", PortalUpstream.Appointments, missing.Count == 0 ? "ok" : "partial"); // clean precision-about

        logger.LogInformation("Composed summary for {Patient}: {Appointments} appointments, {Prescriptions} prescriptions, {Labs} results", patientRef, summary.Appointments.Count, summary.Prescriptions.Count, summary.LabResults.Count); // clean precision-pseudonym
        logger.LogDebug("Composed summary {@Summary}", summary); // leak TC1001 logging-objects
        return summary;
    }

    private async Task<IReadOnlyList<T>> FetchAsync<T>(HttpClient client, string path, string part, List<string> missing, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(path, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return [];
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<List<T>>(ct) ?? [];
        }
        catch (HttpRequestException ex)
        {
            lock (missing)
            {
                missing.Add(part);
            }

            // The downstream path names the patient: the team logs it to tell which call failed.
            logger.LogWarning(ex, "Part {Part} failed calling {Path} with {Status}", part, path, ex.StatusCode); // leak TC1001 cross-member
            Activity.Current?.AddEvent(new ActivityEvent("portal.part.failed", tags: new ActivityTagsCollection { ["part"] = part, ["status"] = (int?)ex.StatusCode })); // clean precision-about
            return [];
        }
    }
}

/// <summary>
/// Maps the failures of the composed endpoints to what the app shows, and reports them. Downstream
/// exceptions come from the typed clients: the labs client puts the request URI in its message.
/// </summary>
public sealed class PortalErrorMapper(ILogger<PortalErrorMapper> logger)
{
    public GatewayProblem Map(HttpContext http, Exception exception)
    {
        var correlationId = Correlation.For(http);
        var span = Activity.Current;
        span?.SetTag("portal.correlation_id", correlationId); // clean precision-names

        switch (exception)
        {
            case DownstreamException { StatusCode: 404 } notFound:
                // "labs-api 404 for /results?patient=943 476 5919": the client quotes the URI.
                span?.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
                return new GatewayProblem(404, "Not found", notFound.Message, correlationId);
            case DownstreamException downstream:
                span?.SetTag("portal.downstream.service", downstream.Service); // clean precision-about
                logger.LogError("Downstream {Service} failed with {StatusCode} ({CorrelationId})", downstream.Service, downstream.StatusCode, correlationId); // clean precision-about
                return new GatewayProblem(502, "A service the portal needs is unavailable", null, correlationId);
            case TaskCanceledException:
                span?.AddException(exception); // clean exceptions
                return new GatewayProblem(504, "The portal timed out", null, correlationId);
            default:
                logger.LogError("Unexpected {ExceptionType} on {Route}", exception.GetType().Name, http.Request.Path); // leak TC1001 strings
                return new GatewayProblem(500, "Something went wrong", null, correlationId);
        }
    }
}
