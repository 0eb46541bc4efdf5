namespace MedTech.Schools;

// Schools' health care plans, defibrillators and student nurses' placements.

/// <summary>A pupil's care plan. Prints plan id, student number, pupil name, condition, device, guardian mobile and school.</summary>
public sealed record CarePlan(string PlanId, string StudentNumber, string PupilName, string Condition, string Device, string GuardianMobile, string School);

/// <summary>A dose given at school. Prints plan id, student number, medication, time and the staff id of who gave it.</summary>
public sealed record MedicationDose(string PlanId, string StudentNumber, string Medication, DateTimeOffset GivenAt, string StaffId);

/// <summary>A school defibrillator's weekly check. Prints the AED serial, school, location, pads, battery and the checker's staff id.</summary>
public sealed record AedCheck(string AedSerial, string School, string Location, bool PadsInDate, int BatteryPercent, string CheckedByStaffId);

/// <summary>A student nurse's placement at a device maker. Prints placement id, student number, email, company and ward.</summary>
public sealed record Placement(string PlacementId, string StudentNumber, string StudentEmail, string Company, string Ward);

public interface ICarePlanStore
{
    Task<CarePlan?> FindAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task RecordDoseAsync(MedicationDose dose, CancellationToken cancellationToken = default);
}

/// <summary>No care plan for a pupil; quotes the student number.</summary>
public sealed class CarePlanMissingException(string studentNumber) : Exception($"No care plan on file for {studentNumber}");

/// <summary>A defibrillator failed its check; quotes the serial and the fault.</summary>
public sealed class AedFaultException(string aedSerial, string fault) : Exception($"AED {aedSerial} fault: {fault}");

/// <summary>Two placements overlap; quotes the placement and the company.</summary>
public sealed class PlacementClashException(string placementId, string company) : Exception($"Placement {placementId} clashes at {company}");
