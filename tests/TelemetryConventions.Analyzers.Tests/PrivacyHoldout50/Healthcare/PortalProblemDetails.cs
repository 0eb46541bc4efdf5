using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;

namespace PrivacyHoldout50.Healthcare;

public sealed record LabResult(string TestCode, string Value, string Units, bool Released);

public interface IResultsStore
{
    Task<LabResult?> FindAsync(string nhsNumber, string testCode, CancellationToken cancellationToken);
}

public interface IBookingService
{
    Task<Guid> BookAsync(string clinicCode, DateTimeOffset slot, string nhsNumber, CancellationToken cancellationToken);
}

public sealed class ResultNotReleasedException(string nhsNumber, string testCode)
    : Exception($"Result {testCode} for patient {nhsNumber} has not been released by the requesting clinician.")
{
    public string TestCode { get; } = testCode;
}

public sealed class SlotUnavailableException(string clinicCode, DateTimeOffset slot)
    : Exception($"Slot {slot:u} at clinic {clinicCode} is no longer available.")
{
    public string ClinicCode { get; } = clinicCode;
}

/// <summary>The portal's results and booking endpoints; their exceptions go to <see cref="PortalExceptionHandler"/>.</summary>
public static class PortalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/patients/{nhsNumber}/results/{testCode}", async (string nhsNumber, string testCode, IResultsStore store, ILogger<IResultsStore> logger, CancellationToken ct) =>
        {
            var result = await store.FindAsync(nhsNumber, testCode, ct);
            if (result is { Released: false })
            {
                throw new ResultNotReleasedException(nhsNumber, testCode);
            }

            logger.LogDebug("Result served {@Result}", result); // clean logging-objects
            return result is null ? Results.NotFound() : Results.Ok(result);
        });

        app.MapPost("/clinics/{clinicCode}/slots/{slot}/book", async (string clinicCode, DateTimeOffset slot, HttpContext http, IBookingService bookings, CancellationToken ct) =>
        {
            var nhsNumber = http.User.FindFirst("nhs_number")?.Value ?? throw new InvalidOperationException("No NHS number claim.");
            var appointmentId = await bookings.BookAsync(clinicCode, slot, nhsNumber, ct);
            return Results.Ok(new { appointmentId });
        });
    }
}

public sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger, IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("error.type", exception.GetType().Name); // clean exceptions

        switch (exception)
        {
            case ResultNotReleasedException notReleased:
                activity?.SetStatus(ActivityStatusCode.Error, notReleased.Message); // leak TC1001 exceptions
                logger.LogInformation("Withheld unreleased result {TestCode}", notReleased.TestCode); // clean precision-names
                logger.LogDebug("Withheld result was requested for {Patient}", httpContext.Items[PortalRequestLoggingMiddleware.PatientItem]); // leak TC1001 cross-member
                var withheld = new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "Result not available yet",
                    Detail = notReleased.Message,
                    Type = "https://portal.example.nhs.uk/problems/result-not-released",
                };
                withheld.Extensions["nhsNumber"] = httpContext.Request.RouteValues["nhsNumber"]; // clean direct
                activity?.AddApiProblemWrittenEvent(withheld.Type, apiProblemNote: withheld.Detail); // leak TC1001 generated-api
                await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = withheld, Exception = exception });
                return true;

            case SlotUnavailableException slot:
                activity?.SetStatus(ActivityStatusCode.Error, slot.Message); // clean exceptions
                logger.LogWarning(slot, "Booking conflict at clinic {ClinicCode}", slot.ClinicCode); // clean exceptions
                await problemDetails.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Slot taken", Detail = slot.Message },
                    Exception = exception,
                });
                return true;

            default:
                logger.LogError(exception, "Unhandled {ExceptionType} on {Route}", exception.GetType().Name, (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText); // clean exceptions
                return false;
        }
    }
}

public static class PortalProblemDetailsSetup
{
    /// <summary>Runs on every problem the portal writes, from the handler above and from the framework's own 4xx responses.</summary>
    public static void Configure(ProblemDetailsOptions options, ILogger logger)
    {
        options.CustomizeProblemDetails = context =>
        {
            var request = context.HttpContext.Request;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance = $"{request.Method} {request.Path}"; // clean strings
            Activity.Current?.SetTag("portal.problem.instance", context.ProblemDetails.Instance); // leak TC1001 strings
            logger.LogInformation("Problem {Status} {Type} written for {Exception}", context.ProblemDetails.Status, context.ProblemDetails.Type, context.Exception?.GetType().Name); // clean precision-names
        };
    }
}
