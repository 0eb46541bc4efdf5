namespace HighStreet.Pharmacy;

// The group's pharmacies: electronic prescriptions, dispensing, Pharmacy First and vaccine fridges.

/// <summary>An electronic prescription pulled from the Spine. Prints prescription id, NHS number, patient name, items and exemption.</summary>
public sealed record EpsPrescription(string PrescriptionId, string NhsNumber, string PatientName, int ItemCount, bool Exempt, string ExemptionCode);

/// <summary>The pharmacy's own dispensing job. Prints job id, the pharmacy's ODS code, items and status.</summary>
public sealed record DispensingJob(string JobId, string PharmacyOds, int Items, string Status);

/// <summary>A Pharmacy First consultation. Prints consultation id, NHS number, condition, the pharmacist's GPhC number and notes.</summary>
public sealed record Consultation(string ConsultationId, string NhsNumber, string Condition, string PharmacistGphcNumber, string Notes);

/// <summary>The pharmacist on duty. Prints GPhC number, name and mobile.</summary>
public sealed record DutyPharmacist(string GphcNumber, string Name, string Mobile);

/// <summary>A vaccine fridge's reading. Prints fridge id, pharmacy ODS code, temperature and time.</summary>
public sealed record FridgeReading(string FridgeId, string PharmacyOds, double Celsius, DateTimeOffset At);

/// <summary>The Spine's prescription service: not telemetry.</summary>
public interface ISpineClient
{
    Task<EpsPrescription?> PullAsync(string prescriptionId, CancellationToken cancellationToken = default);

    Task ClaimAsync(string prescriptionId, string pharmacyOds, CancellationToken cancellationToken = default);
}

public interface IDutyRota
{
    Task<DutyPharmacist> OnDutyAsync(string pharmacyOds, CancellationToken cancellationToken = default);

    Task<bool> RingAsync(string mobile, CancellationToken cancellationToken = default);
}

/// <summary>The Spine has no such prescription; quotes the prescription id.</summary>
public sealed class PrescriptionNotFoundException(string prescriptionId) : Exception($"Prescription {prescriptionId} not found on the Spine");

/// <summary>The Spine is unavailable.</summary>
public sealed class SpineUnavailableException() : Exception("The Spine prescription service is unavailable");

/// <summary>A controlled drug needs a second check; quotes the dispensing job.</summary>
public sealed class ControlledDrugCheckException(string jobId) : Exception($"Job {jobId} holds a schedule 2 drug and needs a second check");

/// <summary>A fridge stopped reporting; quotes the fridge.</summary>
public sealed class FridgeOfflineException(string fridgeId) : Exception($"Fridge {fridgeId} has not reported for 15 minutes");

/// <summary>The duty pharmacist did not answer; quotes their mobile.</summary>
public sealed class DutyPharmacistUnreachableException(string mobile) : Exception($"No answer from duty pharmacist on {mobile}");
