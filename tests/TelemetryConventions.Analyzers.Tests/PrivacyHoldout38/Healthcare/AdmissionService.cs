using PrivacyHoldout38.Support;

namespace PrivacyHoldout38.Healthcare;

public sealed class AdmissionService(
    ActivitySource source,
    ILogger<AdmissionService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IPatientIndex patients,
    IBedBoard beds,
    TimeProvider clock)
{
    private readonly Counter<long> _admissions = meter.CreateCounter<long>("clinic.admissions", "{admission}");

    public async Task<Result<string>> AdmitAsync(PatientAdmitted admitted, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("adt.admit");
        activity.WithWard(admitted.Ward); // clean cross-member
        activity.WithHospitalNumber(admitted.HospitalNumber); // leak TC1001 cross-member

        if (await patients.FindAsync(admitted.HospitalNumber, cancellationToken) is not { } patient)
        {
            return new Error("patient.unknown", "The hospital number is not in the index.");
        }

        activity.WithPatientRef(pseudonymizer.PatientRef(patient)); // clean precision-pseudonym

        if (await beds.FreeBedsAsync(admitted.Ward, cancellationToken) == 0)
        {
            var full = new BedUnavailableException(admitted.Ward);
            activity?.AddException(full); // clean exceptions
            logger.LogWarning(full, "Admission to {Ward} queued", admitted.Ward); // clean exceptions
            return new Error("ward.full", full.Message);
        }

        TagList tags = [new("clinic.ward", admitted.Ward), new("clinic.acuity", admitted.Acuity)];
        _admissions.Add(1, tags); // clean direct

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        logger.LogInformation("Admitted {Patient} to {Ward}", patient.AuditLabel, admitted.Ward); // leak TC1001 cross-member
        logger.LogInformation("Admitted an {AgeBand} patient, mobile on file: {HasMobile}", patient.AgeBand(today), patient.HasMobile); // clean precision-about
        logger.LogInformation("Admitted {PatientRef}", pseudonymizer.PatientRefText(patient.HospitalNumber)); // clean precision-pseudonym
        return admitted.Ward;
    }

    public async Task TransferAsync(PatientTransferred transfer, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichOperationRun("transfer").SetPartyRole("patient"); // clean precision-names
        span.SetOperationOutcome($"{transfer.Ward}->{transfer.ToWard}"); // clean generated-api
        span.SetPartyNote($"transfer of {transfer.HospitalNumber} requested"); // leak TC1001 generated-api

        var free = await beds.FreeBedsAsync(transfer.ToWard, cancellationToken);
        meter.CreateOperationCompletedCounter().Add(1, "transfer", operationOutcome: free > 0 ? "bed-found" : "queued", partyRole: "patient"); // clean generated-api
    }
}
