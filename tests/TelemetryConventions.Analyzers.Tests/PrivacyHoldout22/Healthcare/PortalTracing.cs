using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Healthcare;

/// <summary>Tracing of the patient portal: what the ASP.NET Core instrumentation keeps, and the portal's own processors.</summary>
public static class PortalTracing
{
    public const string TrustHeader = "X-Trust-Code";

    public static TracerProviderBuilder AddPatientPortalTracing(this TracerProviderBuilder builder, Pseudonymizer pseudonymizer, IHttpContextAccessor accessor)
    {
        return builder
            .AddAspNetCoreInstrumentation(options =>
            {
                options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                options.RecordException = true;
                options.EnrichWithHttpRequest = (activity, request) =>
                {
                    var trust = request.Headers.TryGetValue(TrustHeader, out var code) ? code : "unknown";
                    activity.SetTag("portal.trust", trust); // clean precision-names
                    activity.SetTag("http.request.body.size", request.ContentLength); // clean precision-about

                    // Receptionists search by NHS number from the front desk screen.
                    if (request.Query.ContainsKey("nhsNumber"))
                    {
                        activity.SetTag("portal.search.nhs_number", request.Query["nhsNumber"]); // leak TC1001 direct
                    }

                    activity.SetTag("portal.search.filters", string.Join(",", request.Query.Keys.Order())); // clean precision-names
                };
                options.EnrichWithHttpResponse = (activity, response) =>
                {
                    var user = response.HttpContext.User;
                    activity.SetTag("portal.user.role", user.FindFirst(ClaimTypes.Role)?.Value ?? "anonymous"); // clean precision-names
                    activity.SetTag("portal.user.name", user.Identity?.Name); // leak TC1001 direct
                    activity.SetTag("portal.user.authenticated", user.Identity?.IsAuthenticated == true); // clean precision-about
                };
                options.EnrichWithException = (activity, exception) =>
                {
                    // Every exception an endpoint lets escape, PatientRecordNotFoundException included.
                    activity.SetTag("portal.error.detail", exception.Message); // leak TC1001 exceptions
                    activity.SetTag("portal.error.kind", exception.GetType().Name); // clean exceptions
                };
            })
            .AddProcessor(new PatientRouteProcessor(pseudonymizer, accessor));
    }
}

/// <summary>
/// The portal's URLs carry the MRN (<c>/patients/{mrn}/results</c>): this processor replaces the path
/// with the route template and adds the patient as a pseudonym.
/// </summary>
public sealed class PatientRouteProcessor(Pseudonymizer pseudonymizer, IHttpContextAccessor accessor) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        if (activity.Kind != ActivityKind.Server || accessor.HttpContext is not { } context)
        {
            return;
        }

        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", template ?? "(unmatched)"); // clean precision-names

        if (context.GetRouteValue("mrn") is string mrn)
        {
            activity.SetTag(GatewayAttributes.SubjectId, pseudonymizer.ComputeGatewaySubjectId(mrn)); // clean precision-pseudonym
            activity.SetTag("portal.mrn.length", mrn.Length); // clean precision-about
        }

        if (context.GetRouteValue("encounterId") is string encounterId)
        {
            activity.SetTag("portal.encounter.id", encounterId); // clean precision-names
        }
    }
}

/// <summary>Adds the signed-in clinician to every span the request starts, for the on-call dashboards.</summary>
public sealed class ClinicianSpanProcessor(IHttpContextAccessor accessor) : BaseProcessor<Activity>
{
    public override void OnStart(Activity activity)
    {
        var user = accessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        activity.SetTag("clinician.staff_number", user.FindFirst("staff_number")?.Value); // leak TC1001 direct
        activity.SetTag("clinician.ward", user.FindFirst("ward")?.Value); // clean precision-names
        activity.SetTag("clinician.grade", user.FindFirst("grade")?.Value); // clean precision-names
    }
}

/// <summary>Carries the patient between the portal and the results service.</summary>
public static class PatientContextPropagation
{
    public const string BaggageKey = "portal.patient";

    public static void PropagatePatient(string mrn) => Baggage.SetBaggage(BaggageKey, mrn); // leak TC1001 direct

    public static void PropagatePatientReference(Pseudonymizer pseudonymizer, string mrn) =>
        Baggage.SetBaggage(BaggageKey, pseudonymizer.ComputeGatewaySubjectId(mrn)); // clean precision-pseudonym
}

public sealed class PatientContextMiddleware(Pseudonymizer pseudonymizer, PortalOptions options) : IMiddleware
{
    public async System.Threading.Tasks.Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetRouteValue("mrn") is string mrn)
        {
            if (options.LegacyResultsService)
            {
                // The old results service still joins on the raw MRN.
                PatientContextPropagation.PropagatePatient(mrn); // leak TC1001 cross-member
            }
            else
            {
                PatientContextPropagation.PropagatePatientReference(pseudonymizer, mrn); // clean precision-pseudonym
            }
        }

        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        activity?.SetTag("portal.legacy_results", options.LegacyResultsService); // clean precision-about
        await next(context);
    }
}

public sealed class PortalOptions
{
    public bool LegacyResultsService { get; set; }
}
