using System;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Healthcare;

public sealed class PatientByNhsNumberSpec(NhsNumber nhsNumber) : Specification<Patient>
{
    public override Expression<Func<Patient, bool>> Criteria => patient => patient.NhsNumber == nhsNumber;

    public override string ToString() => $"{Name}(NhsNumber = {nhsNumber.Value})";
}

public sealed class PatientsOnWardSpec(WardCode ward) : Specification<Patient>
{
    public override Expression<Func<Patient, bool>> Criteria => patient => patient.CurrentWard == ward;

    public override string ToString() => $"{Name}(Ward = {ward})";
}

public sealed record PatientSummary(PatientId Id, string? Ward, int OpenAdmissions);

public sealed record GetPatientSummaryQuery(string NhsNumber) : IRequest<Result<PatientSummary>>;

public sealed record GetWardRosterQuery(string WardCode) : IRequest<Result<int>>;

internal sealed class PatientQueryHandlers(IReadRepository<Patient> patients, ILogger<PatientQueryHandlers> logger)
    : IRequestHandler<GetPatientSummaryQuery, Result<PatientSummary>>, IRequestHandler<GetWardRosterQuery, Result<int>>
{
    public async Task<Result<PatientSummary>> Handle(GetPatientSummaryQuery request, CancellationToken cancellationToken)
    {
        var nhsNumber = NhsNumber.Parse(request.NhsNumber);
        var specification = new PatientByNhsNumberSpec(nhsNumber);

        var patient = await patients.FirstOrDefaultAsync(specification, cancellationToken);
        if (patient is null)
        {
            logger.LogInformation("No patient matched {Specification}", specification); // leak TC1001 logging-objects
            throw new NotFoundException(nameof(Patient), nhsNumber.Masked); // clean exceptions
        }

        logger.LogDebug("{SpecificationName} returned {PatientRecord}", specification.Name, patient); // leak TC1001 logging-objects
        return new PatientSummary(patient.Id, patient.CurrentWard?.Value, patient.OpenAdmissions);
    }

    public async Task<Result<int>> Handle(GetWardRosterQuery request, CancellationToken cancellationToken)
    {
        var specification = new PatientsOnWardSpec(new WardCode(request.WardCode));
        var count = await patients.CountAsync(specification, cancellationToken);
        logger.LogInformation("{Specification} matched {PatientCount} patients", specification, count); // clean precision-about
        Activity.Current?.SetTag("ward.patient_count", count); // clean precision-names
        return count;
    }
}
