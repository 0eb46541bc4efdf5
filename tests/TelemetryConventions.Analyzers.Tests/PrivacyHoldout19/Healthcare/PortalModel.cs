using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrivacyHoldout19.Healthcare;

public sealed record Patient(Guid Id, string HospitalNumber, string NhsNumber, string FamilyName, string GivenName, string Email, string ClinicCode);

public sealed record Appointment(Guid Id, Guid PatientId, Guid SlotId, string ClinicCode, DateTimeOffset Start, string Status);

public sealed record Observation(string Ward, string Kind, double Value, string Unit, DateTimeOffset TakenAt);

public sealed class PatientNotFoundException(string hospitalNumber)
    : Exception($"No patient with hospital number {hospitalNumber}.");

public sealed class SlotUnavailableException(Guid slotId, string clinicCode)
    : Exception($"Slot {slotId} at {clinicCode} is no longer free.");

public interface IPatientRecords
{
    Task<IReadOnlyList<Patient>> FindByHospitalNumbersAsync(IReadOnlyCollection<string> hospitalNumbers, CancellationToken cancellationToken);

    Task<Patient?> FindByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<Appointment>> AppointmentsForAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken);

    Task<Appointment> BookAsync(Guid patientId, Guid slotId, CancellationToken cancellationToken);
}

internal static class PortalTelemetry
{
    public static readonly ActivitySource Source = new("Clinic.PatientPortal");

    public static readonly Meter Meter = new("Clinic.PatientPortal");
}
