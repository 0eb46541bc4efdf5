using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Healthcare;

public sealed record AdmitPatientCommand(string NhsNumber, string WardCode, string ReferringClinicianEmail) : IRequest<Result<AdmissionId>>;

internal sealed class AdmitPatientCommandHandler(
    IRepository<Patient> patients,
    IUnitOfWork unitOfWork,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<AdmitPatientCommandHandler> logger) : IRequestHandler<AdmitPatientCommand, Result<AdmissionId>>
{
    public async Task<Result<AdmissionId>> Handle(AdmitPatientCommand request, CancellationToken cancellationToken)
    {
        using var span = source.StartCommandHandle(nameof(AdmitPatientCommand)); // clean precision-names

        if (!NhsNumber.TryParse(request.NhsNumber, out var nhsNumber))
        {
            logger.LogWarning("Admission rejected: NHS number '{NhsNumber}' failed the modulus 11 check", request.NhsNumber); // leak TC1001 direct
            span.SetCommandErrorCode(HealthcareErrors.InvalidNhsNumber.Code).SetCommandOutcome("rejected"); // clean precision-about
            return HealthcareErrors.InvalidNhsNumber;
        }

        span.SetCommandSubjectId(pseudonymizer.PseudonymizeCommandSubjectId(nhsNumber.Value)); // clean precision-pseudonym

        var patient = await patients.FirstOrDefaultAsync(new PatientByNhsNumberSpec(nhsNumber), cancellationToken);
        if (patient is null)
        {
            var notRegistered = HealthcareErrors.NotRegistered(nhsNumber);
            span.SetCommandErrorCode(notRegistered.Code).SetStatus(ActivityStatusCode.Error, notRegistered.Description); // leak TC1001 generated-api
            return notRegistered;
        }

        span.SetAggregateType(nameof(Patient)).SetAggregateId(patient.Id.Value.ToString()); // leak TC1001 generated-api

        Admission admission;
        try
        {
            admission = patient.Admit(new WardCode(request.WardCode), request.ReferringClinicianEmail, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Admission refused with {ErrorCode}", ex.Code); // leak TC1001 exceptions
            return Error.Conflict(ex.Code, ex.Message);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);

        span.SetDomainEventCount(patient.DomainEvents.Count).SetAggregateVersion(patient.Version); // clean precision-about
        meter.CreateCommandHandledCounter().Add(1, nameof(AdmitPatientCommand), commandOutcome: "admitted"); // clean precision-names
        logger.LogInformation("Admitted to {Ward} as admission {AdmissionId}", request.WardCode, admission.Id); // clean direct
        return admission.Id;
    }
}
