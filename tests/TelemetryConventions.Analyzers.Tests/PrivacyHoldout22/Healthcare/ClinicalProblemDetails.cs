using System;
using System.Diagnostics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Healthcare;

public sealed class PatientRecordNotFoundException(string mrn)
    : Exception($"No record for patient {mrn} in the results store.")
{
    public string Mrn { get; } = mrn;
}

public sealed class ConsentWithheldException(long encounterId, string purpose)
    : Exception($"Consent withheld for encounter {encounterId} ({purpose}).")
{
    public long EncounterId { get; } = encounterId;
}

public enum AccessReason
{
    DirectCare,
    BreakGlass,
    ClinicalAudit,
}

/// <summary>The portal's results endpoints; the exceptions they throw go to <see cref="ClinicalExceptionHandler"/>.</summary>
public sealed class ResultsEndpoints(IResultsStore store, RecordAccessAuditor auditor)
{
    public async Task<ResultSummary> GetResultsAsync(ClaimsPrincipal clinician, string mrn, AccessReason reason, CancellationToken ct)
    {
        var summary = await store.FindAsync(mrn, ct) ?? throw new PatientRecordNotFoundException(mrn);
        if (!summary.ConsentGiven)
        {
            throw new ConsentWithheldException(summary.EncounterId, "results");
        }

        auditor.RecordRead(clinician, mrn, "results", reason); // leak TC1001 cross-member
        return summary;
    }
}

public sealed record ResultSummary(long EncounterId, bool ConsentGiven, int PendingCount);

public interface IResultsStore
{
    Task<ResultSummary?> FindAsync(string mrn, CancellationToken ct);
}

/// <summary>Maps the portal's exceptions to problem details; registered with AddExceptionHandler.</summary>
public sealed class ClinicalExceptionHandler(ILogger<ClinicalExceptionHandler> logger, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            PatientRecordNotFoundException => (StatusCodes.Status404NotFound, "Patient record not found"),
            ConsentWithheldException => (StatusCodes.Status403Forbidden, "Consent withheld"),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error"),
        };

        var activity = httpContext.Features.Get<IHttpActivityFeature>()?.Activity;
        activity?.SetTag("error.type", exception.GetType().FullName); // clean exceptions
        activity?.SetTag("http.response.status_code", status); // clean precision-about
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message); // leak TC1001 exceptions

        if (exception is ConsentWithheldException consent)
        {
            logger.LogInformation("Consent withheld for encounter {EncounterId}", consent.EncounterId); // clean precision-names
        }
        else
        {
            logger.LogWarning(exception, "Request {TraceId} failed with {Status}", httpContext.TraceIdentifier, status); // leak TC1001 exceptions
        }

        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = exception.Message,
            Instance = httpContext.TraceIdentifier,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}

/// <summary>The trust's audit trail of record access, written as audit events.</summary>
public sealed class RecordAccessAuditor(ILogger<RecordAccessAuditor> logger, Pseudonymizer pseudonymizer)
{
    public void RecordRead(ClaimsPrincipal clinician, string mrn, string section, AccessReason reason)
    {
        var staffNumber = clinician.FindFirst("staff_number")?.Value ?? "unknown";
        logger.LogAuditRecordedEvent("record.read", pseudonymizer.PseudonymizeAuditActorId(staffNumber), auditResource: $"record-section/{section}", auditReason: reason.ToString()); // clean generated-api
        logger.LogAuditRecordedEvent("record.read", auditResource: $"patient/{mrn}/{section}"); // leak TC1001 generated-api

        if (reason == AccessReason.BreakGlass)
        {
            logger.LogWarning("Break-glass access to {Section} by {StaffNumber}", section, staffNumber); // leak TC1001 direct
        }
    }
}
