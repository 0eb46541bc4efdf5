namespace Salon.Wigs;

// A hospital trust's wig and scalp-cooling service with its partner salons, patch tests and medical tattooing.

/// <summary>A wig referral from oncology. Prints referral id, hospital number, NHS number, patient's name, clinic, consultant team and wig type.</summary>
public sealed record WigReferral(string ReferralId, string HospitalNumber, string NhsNumber, string PatientName, string Clinic, string ConsultantTeam, string WigType);

/// <summary>A fitting at a partner salon. Prints fitting id, referral id, salon, wig type and time.</summary>
public sealed record WigFitting(string FittingId, string ReferralId, string Salon, string WigType, DateTimeOffset At);

/// <summary>A scalp-cooling session on the chemotherapy day unit. Prints session id, hospital number, chair, minutes and cap temperature.</summary>
public sealed record ScalpCoolingSession(string SessionId, string HospitalNumber, string Chair, int Minutes, double CapTemperature);

/// <summary>A skin allergy patch test before colour or tattoo ink. Prints test id, client number, product, time and result.</summary>
public sealed record PatchTest(string TestId, string ClientNumber, string Product, DateTimeOffset AppliedAt, string Result);

/// <summary>What a patch test showed. Prints test id, product, whether the skin reacted and hours observed.</summary>
public sealed record PatchTestOutcome(string TestId, string Product, bool Reacted, int HoursObserved);

/// <summary>A referral for areola or scar micropigmentation. Prints referral id, hospital number, patient's name, procedure and studio.</summary>
public sealed record MicropigmentationReferral(string ReferralId, string HospitalNumber, string PatientName, string Procedure, string Studio);

/// <summary>The wig supplier and the partner salons' diaries; not telemetry.</summary>
public interface IWigSupplier
{
    Task<string> OrderAsync(string referralId, string wigType, string deliverToSalon, CancellationToken cancellationToken = default);

    Task<int> StockAsync(string wigType, CancellationToken cancellationToken = default);
}

/// <summary>The hospital's patient administration system; not telemetry.</summary>
public interface IPatientAdministration
{
    Task<bool> IsOnActiveTreatmentAsync(string nhsNumber, CancellationToken cancellationToken = default);

    Task<string> MobileOfAsync(string hospitalNumber, CancellationToken cancellationToken = default);
}

/// <summary>A referral past its date; quotes the referral and the date.</summary>
public sealed class ReferralExpiredException(string referralId, DateOnly expired) : Exception($"Referral {referralId} expired on {expired:yyyy-MM-dd}");

/// <summary>The patient is not eligible for an NHS wig; quotes the NHS number.</summary>
public sealed class PatientNotEligibleException(string nhsNumber) : Exception($"Patient {nhsNumber} is not eligible for a funded wig");

/// <summary>A reaction to a patch test; quotes the client number and the product.</summary>
public sealed class AllergyReactionException(string clientNumber, string product) : Exception($"Client {clientNumber} reacted to {product}");

/// <summary>No wig of that type in stock; quotes the type.</summary>
public sealed class WigOutOfStockException(string wigType) : Exception($"No {wigType} wigs in stock");
