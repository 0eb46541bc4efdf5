using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Healthcare;

public sealed record TriageRequest(string HospitalNumber, string PresentingComplaint, int PainScore, string? NextOfKinPhone);

public sealed record TriageOutcome(string EncounterId, TriageAcuity Acuity, int EstimatedWaitMinutes);

/// <summary>Tags every triage request with the clinician who made it, read from the token.</summary>
public sealed class ClinicianAuditFilter(ILogger<ClinicianAuditFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        var clinicianEmail = user.FindFirstValue(ClaimTypes.Email);
        var ward = context.HttpContext.Request.RouteValues["ward"]?.ToString() ?? "unknown";

        Activity.Current?.SetTag("triage.ward", ward); // clean precision-about
        Activity.Current?.SetTag("enduser.email", clinicianEmail); // leak TC1001 direct

        var request = context.GetArgument<TriageRequest>(0);
        using (logger.BeginScope(new Dictionary<string, object?> { ["Ward"] = ward, ["HospitalNumber"] = request.HospitalNumber })) // leak TC1001 logging-objects
        {
            return await next(context);
        }
    }
}

public static class TriageEndpoints
{
    private static readonly ActivitySource Source = new("Hospital.Triage");

    public static void Map(WebApplication app)
    {
        app.MapPost("/wards/{ward}/triage", async (string ward, TriageRequest request, Pseudonymizer pseudonymizer, Meter meter, ILogger<TriageRequest> logger, CancellationToken ct) =>
        {
            var patient = pseudonymizer.PseudonymizeTriagePatientId(request.HospitalNumber);
            using var span = Source.StartTriageAssessment(patient, spanName: $"triage {ward}"); // clean precision-pseudonym
            span.SetTriageRegion(ward); // clean generated-api

            var acuity = request.PainScore switch
            {
                >= 9 => TriageAcuity.Resuscitation,
                >= 6 => TriageAcuity.Urgent,
                _ => TriageAcuity.Routine,
            };
            span.SetTriageAcuity(acuity); // clean generated-api

            if (request.NextOfKinPhone is { Length: > 0 } phone)
            {
                span.SetTriageNote($"next of kin on file: {phone}"); // leak TC1001 generated-api
            }

            span.SetTriageNote(request.NextOfKinPhone is null ? "no next of kin" : "next of kin on file"); // clean precision-about

            var stopwatch = Stopwatch.StartNew();
            var outcome = await AssessAsync(request, acuity, ct);
            meter.CreateTriageAssessmentDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, triageRegion: ward); // clean precision-about
            meter.CreateTriageAssessmentsCounter().Add(1, triageRegion: ward, triageAcuity: acuity); // clean generated-api

            if (outcome.EstimatedWaitMinutes > 240)
            {
                logger.LogTriageAssessmentEscalatedEvent(patient, triageNote: $"wait {outcome.EstimatedWaitMinutes} min", triageEncounterId: outcome.EncounterId); // clean precision-pseudonym
            }

            return Results.Ok(outcome);
        });
    }

    private static Task<TriageOutcome> AssessAsync(TriageRequest request, TriageAcuity acuity, CancellationToken ct) =>
        Task.FromResult(new TriageOutcome(Guid.NewGuid().ToString("N")[..12], acuity, request.PainScore * 20));
}

/// <summary>Rejects requests whose body hospital number disagrees with the route, as the ward tablets sometimes send stale forms.</summary>
public sealed class HospitalNumberConsistencyMiddleware(ILogger<HospitalNumberConsistencyMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var fromHeader = context.Request.Headers.TryGetValue("X-Hospital-Number", out var value) ? value : null;
        if (fromHeader is null)
        {
            await next(context);
            return;
        }

        var routeNumber = context.Request.RouteValues["hospitalNumber"] as string;
        if (!string.Equals(fromHeader, routeNumber, StringComparison.Ordinal))
        {
            logger.LogWarning("Header hospital number {HeaderNumber} does not match route {RouteNumber}", fromHeader, routeNumber); // leak TC1001 direct
            Activity.Current?.SetTag("triage.hospital_number.mismatch", true); // clean precision-about
            context.Response.StatusCode = 409;
            return;
        }

        Activity.Current?.SetTag("triage.hospital_number.length", fromHeader.Length); // clean precision-about
        await next(context);
    }
}
