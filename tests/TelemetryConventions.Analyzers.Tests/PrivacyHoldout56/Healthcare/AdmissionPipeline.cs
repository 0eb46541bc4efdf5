using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Healthcare;

/// <summary>A request about one patient, known by the hospital number.</summary>
public interface IPatientRequest
{
    string HospitalNumber { get; }
}

public sealed record AdmitPatientCommand(string HospitalNumber, string NhsNumber, string WardCode, string AdmittingStaffNumber)
    : IRequest<AdmissionResult>, IPatientRequest;

public sealed record DischargePatientCommand(string HospitalNumber, string AdmissionId, DateTimeOffset At)
    : IRequest<Unit>, IPatientRequest;

public sealed record GetWardCensusQuery(string WardCode) : IRequest<WardCensus>;

public sealed record AdmissionResult(string AdmissionId, string WardCode, int BedNumber);

public sealed record WardCensus(string WardCode, int Occupied, int Free);

/// <summary>Thrown by the admission handler.</summary>
public sealed class PatientAlreadyAdmittedException(string hospitalNumber, string admissionId)
    : Exception($"Patient {hospitalNumber} already has open admission {admissionId}.");

/// <summary>The clinician signed in to the ward app.</summary>
public interface ICurrentClinician
{
    string StaffNumber { get; }

    string DisplayName { get; }

    string Role { get; }
}

/// <summary>Registered first, for every request of the ward app.</summary>
public sealed class RequestLoggingBehavior<TRequest, TResponse>(ILogger<RequestLoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var requestName = typeof(TRequest).Name;
        logger.LogInformation("Handling {RequestName}", requestName); // clean precision-names
        logger.LogDebug("Request {@Request}", request); // leak TC1001 logging-objects
        var started = Stopwatch.GetTimestamp();
        var response = await next(cancellationToken);
        logger.LogInformation("Handled {RequestName} in {ElapsedMs} ms", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean precision-about
        logger.LogDebug("Response {@Response}", response); // clean logging-objects
        return response;
    }
}

/// <summary>Registered for the requests about a patient.</summary>
public sealed class PatientContextBehavior<TRequest, TResponse>(
    ILogger<PatientContextBehavior<TRequest, TResponse>> logger,
    Pseudonymizer pseudonymizer) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IPatientRequest
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var patientRef = pseudonymizer.ComputeWardPatientId(request.HospitalNumber);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["PatientRef"] = patientRef, ["Request"] = typeof(TRequest).Name }); // clean precision-pseudonym
        Activity.Current.EnrichWardServiceCall(typeof(TRequest).Name).SetWardPatientId(pseudonymizer.PseudonymizeWardPatientId(request.HospitalNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("patient.ref", patientRef); // clean precision-pseudonym
        logger.LogDebug("Patient reference {PatientRef} is hospital number {HospitalNumber}", patientRef, request.HospitalNumber); // leak TC1001 precision-pseudonym

        // The bed managers' dashboard still filters on the hospital number; remove once it reads patient.ref.
        Activity.Current?.SetTag("clinic.hospital_number", request.HospitalNumber); // leak TC1001 cross-member
        return await next(cancellationToken);
    }
}

/// <summary>Registered for the requests about a patient; writes the access audit.</summary>
public sealed class RecordAccessAuditBehavior<TRequest, TResponse>(
    ILogger<RecordAccessAuditBehavior<TRequest, TResponse>> logger,
    Pseudonymizer pseudonymizer,
    ICurrentClinician clinician) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IPatientRequest
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(cancellationToken);
        logger.LogWardRecordAccessedEvent(pseudonymizer.PseudonymizeWardClinicianId(clinician.StaffNumber), pseudonymizer.PseudonymizeWardPatientId(request.HospitalNumber), wardOperation: typeof(TRequest).Name); // clean generated-api
        logger.LogWardRecordAccessedEvent(pseudonymizer.PseudonymizeWardClinicianId(clinician.StaffNumber), pseudonymizer.PseudonymizeWardPatientId(request.HospitalNumber), wardNote: $"{clinician.DisplayName} ({clinician.Role})"); // leak TC1001 generated-api
        return response;
    }
}

/// <summary>Registered last, for every request of the ward app.</summary>
public sealed class ClinicalExceptionBehavior<TRequest, TResponse>(ILogger<ClinicalExceptionBehavior<TRequest, TResponse>> logger, Meter meter)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{RequestName} failed", typeof(TRequest).Name); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            meter.CreateWardServiceCallsCounter().Add(1, typeof(TRequest).Name, WardOutcome.Failed); // clean precision-names
            throw;
        }
    }
}

public sealed class AdmitPatientHandler(IBedBoard beds, IAdmissions admissions) : IRequestHandler<AdmitPatientCommand, AdmissionResult>
{
    public async Task<AdmissionResult> Handle(AdmitPatientCommand request, CancellationToken cancellationToken)
    {
        if (await admissions.FindOpenAsync(request.HospitalNumber) is { } open)
        {
            throw new PatientAlreadyAdmittedException(request.HospitalNumber, open);
        }

        var admissionId = await admissions.OpenAsync(request.HospitalNumber, request.WardCode);
        var bed = await beds.AssignBedAsync(request.WardCode, admissionId);
        return new AdmissionResult(admissionId, request.WardCode, bed);
    }
}

public interface IAdmissions
{
    Task<string?> FindOpenAsync(string hospitalNumber);

    Task<string> OpenAsync(string hospitalNumber, string wardCode);
}
