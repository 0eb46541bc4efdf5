using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Healthcare;

public static class ReferralEndpoints
{
    // POST /referrals lets PasFaultException escape (tagged with Data on the way up);
    // POST /referrals/{ubrn}/amend lets PatientRecordLockedException and DuplicateReferralException
    // escape. Both reach IntakeExceptionHandler, and so does anything nobody anticipated.
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/referrals", (IncomingReferral referral, ReferralIntakeService intake, CancellationToken ct) => intake.ReceiveAsync(referral, ct));
        routes.MapPost("/referrals/{ubrn}/amend", (string ubrn, IncomingReferral amended, IReferralStore store, CancellationToken ct) => store.AmendAsync(ubrn, amended, ct));
    }
}

/// <summary>
/// Turns intake failures into problem details. The extensions go back to the referring system,
/// which shows them to the referrer; the span and the log get the support desk's view.
/// </summary>
public sealed class IntakeExceptionHandler(
    IProblemDetailsService problemDetails,
    Pseudonymizer pseudonymizer,
    ILogger<IntakeExceptionHandler> logger,
    Meter meter) : IExceptionHandler
{
    private readonly Counter<long> _handled = meter.CreateCounter<long>("referral.errors.handled");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.AddException(exception); // leak TC1001 exceptions
        activity?.SetTag("error.type", exception.GetType().FullName); // clean precision-names
        _handled.Add(1, new KeyValuePair<string, object?>("error.type", exception.GetType().Name)); // clean precision-names

        var problem = new ProblemDetails { Instance = httpContext.Request.Path };
        problem.Extensions["traceId"] = httpContext.TraceIdentifier;

        switch (exception)
        {
            case PatientRecordLockedException locked:
                problem.Status = locked.StatusCode;
                problem.Title = "Patient record locked";
                problem.Detail = locked.Message;
                problem.Extensions["errorCode"] = locked.ErrorCode;
                problem.Extensions["hospitalNumber"] = locked.HospitalNumber; // clean cross-member
                activity?.SetTag("referral.error.code", locked.ErrorCode); // clean exceptions
                activity?.SetTag("referral.lock.reason", locked.LockReason); // clean precision-about
                activity?.SetTag(ReferralAttributes.PatientId, pseudonymizer.ComputeReferralPatientId(locked.HospitalNumber)); // clean precision-pseudonym
                _handled.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeReferralPatientId(locked.HospitalNumber))); // leak TC1003 precision-pseudonym
                logger.LogWarning("Amendment refused: record {HospitalNumber} is locked ({LockReason})", locked.HospitalNumber, locked.LockReason); // leak TC1001 cross-member
                break;

            case DuplicateReferralException duplicate:
                problem.Status = duplicate.StatusCode;
                problem.Title = "Duplicate referral";
                problem.Detail = duplicate.Message;
                problem.Extensions["errorCode"] = duplicate.ErrorCode;
                activity?.SetTag(ReferralAttributes.Id, duplicate.Ubrn); // clean direct
                activity?.SetStatus(ActivityStatusCode.Error, duplicate.Message); // clean exceptions
                break;

            case PasFaultException fault:
                problem.Status = 503;
                problem.Title = "Patient administration system unavailable";
                problem.Extensions["pasFault"] = fault.FaultCode;
                logger.LogError(fault, "PAS fault {FaultCode} in {Operation}", fault.FaultCode, fault.Operation); // clean exceptions
                logger.LogError("PAS fault context: {Context}", string.Join(", ", fault.Data.Keys.Cast<object>().Select(k => $"{k}={fault.Data[k]}"))); // leak TC1001 strings
                activity?.SetTag("pas.context.size", fault.Data.Count); // clean precision-about
                break;

            default:
                problem.Status = 500;
                problem.Title = "Unexpected error";
                logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path); // clean exceptions
                break;
        }

        activity?.SetTag("problem.extensions", string.Join(",", problem.Extensions.Keys)); // clean precision-names
        activity?.SetTag("problem.detail", problem.Detail); // leak TC1001 exceptions
        logger.LogInformation("Returning problem {@Problem}", problem); // leak TC1001 logging-objects
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
