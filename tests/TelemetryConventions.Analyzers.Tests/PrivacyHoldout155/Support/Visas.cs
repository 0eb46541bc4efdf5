namespace Border.Visas;

// Visa applications and immigration status with the Home Office.

/// <summary>A visa applicant. Prints UAN, GWF reference, passport number, names, date of birth, nationality, email and mobile.</summary>
public sealed record VisaApplicant(string Uan, string GwfReference, string PassportNumber, string GivenNames, string FamilyName, DateOnly DateOfBirth, string Nationality, string Email, string Mobile);

/// <summary>A decision. Prints decision id, route, outcome, the day permission ends and the caseworking unit.</summary>
public sealed record VisaDecision(string DecisionId, string Route, string Outcome, DateOnly? ValidUntil, string CaseworkingUnit);

/// <summary>A biometrics appointment. Prints appointment id, centre, slot and the GWF reference.</summary>
public sealed record BiometricsAppointment(string AppointmentId, string CentreCode, DateTimeOffset SlotStart, string GwfReference);

/// <summary>A right-to-work or status check's result. Prints check reference, outcome, the day permission expires and the route.</summary>
public sealed record StatusCheckResult(string CheckReference, string Outcome, DateOnly? PermissionExpires, string Route);

public interface IHomeOfficeGateway
{
    Task<StatusCheckResult> CheckShareCodeAsync(string shareCode, DateOnly dateOfBirth, CancellationToken cancellationToken = default);

    Task<VisaApplicant?> FindByUanAsync(string uan, CancellationToken cancellationToken = default);

    Task<VisaDecision?> DecisionAsync(string gwfReference, CancellationToken cancellationToken = default);

    Task<BiometricsAppointment> BookBiometricsAsync(string gwfReference, string centreCode, CancellationToken cancellationToken = default);
}

/// <summary>No applicant with that UAN; quotes the UAN.</summary>
public sealed class ApplicantNotFoundException(string uan) : Exception($"No applicant with UAN {uan}");

/// <summary>The share code has expired or never existed; quotes the share code.</summary>
public sealed class ShareCodeInvalidException(string shareCode) : Exception($"Share code {shareCode} is not valid");

/// <summary>The passport does not match the application; quotes the passport number.</summary>
public sealed class PassportMismatchException(string passportNumber) : Exception($"Passport {passportNumber} does not match the application");

/// <summary>The Home Office endpoint did not answer; quotes the endpoint and the wait.</summary>
public sealed class HomeOfficeUnavailableException(string endpoint, TimeSpan waited) : Exception($"{endpoint} did not answer within {waited.TotalSeconds:0}s")
{
    public string Endpoint { get; } = endpoint;
}

/// <summary>The case is locked by another unit; quotes the unit.</summary>
public sealed class CaseLockedException(string unit) : Exception($"Case is locked by {unit}");
