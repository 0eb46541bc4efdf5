namespace Border.Health;

// Overseas visitor charging, health screening in asylum accommodation and interpreters.

/// <summary>An eligibility check. Prints NHS number, UAN, charging category, whether the surcharge was paid and the IHS reference.</summary>
public sealed record EligibilityCheck(string NhsNumber, string? Uan, string ChargingCategory, bool IhsPaid, string? IhsReference);

/// <summary>The Home Office's answer. Prints check id, category, outcome and the day permission ends.</summary>
public sealed record EligibilityAnswer(string CheckId, string ChargingCategory, string Outcome, DateOnly? PermissionEnds);

/// <summary>An initial health screening. Prints screening id, Home Office reference, TB result, clinic code and the hotel.</summary>
public sealed record HealthScreening(string ScreeningId, string HoReference, string TbResult, string ClinicCode, string HotelCode);

/// <summary>An interpreter booking. Prints booking id, language, interpreter's register number, the patient's MRN and the start.</summary>
public sealed record InterpreterBooking(string BookingId, string LanguageCode, string InterpreterNumber, string PatientMrn, DateTimeOffset Start);

public interface IEligibilityService
{
    Task<EligibilityAnswer> CheckAsync(EligibilityCheck check, CancellationToken cancellationToken = default);
}

public interface IInterpreterAgency
{
    Task<InterpreterBooking> BookAsync(string languageCode, string patientMrn, DateTimeOffset start, CancellationToken cancellationToken = default);
}

/// <summary>No surcharge payment with that reference; quotes the IHS reference.</summary>
public sealed class IhsNotFoundException(string ihsReference) : Exception($"No surcharge payment {ihsReference}");

/// <summary>No interpreter for the language; quotes the language.</summary>
public sealed class NoInterpreterAvailableException(string languageCode) : Exception($"No {languageCode} interpreter available");

/// <summary>The patient is chargeable; quotes the NHS number.</summary>
public sealed class ChargeableVisitorException(string nhsNumber) : Exception($"Patient {nhsNumber} is chargeable under the overseas visitor regulations");
