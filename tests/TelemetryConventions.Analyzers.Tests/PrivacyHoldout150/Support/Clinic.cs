namespace Dating.Clinic;

// A sexual health clinic's partner notification through dating apps, peer support matching and hospital befriending.

/// <summary>A clinic patient. Prints clinic number, NHS number, name and mobile.</summary>
public sealed record ClinicPatient(string ClinicNumber, string NhsNumber, string Name, string Mobile);

/// <summary>A partner notice sent through a dating app. Prints notice id, the index patient's clinic number, the partner's handle, the infection code and the platform.</summary>
public sealed record PartnerNotice(string NoticeId, string ClinicNumber, string PartnerHandle, string InfectionCode, string Platform);

/// <summary>The platform's receipt for a notice. Prints notice id, platform, status and delivery time.</summary>
public sealed record NoticeReceipt(string NoticeId, string Platform, string Status, DateTimeOffset DeliveredAt);

/// <summary>A peer supporter (a volunteer). Prints volunteer id, name, email and specialism.</summary>
public sealed record PeerSupporter(string VolunteerId, string Name, string Email, string Specialism);

/// <summary>A peer support match. Prints match id, the patient's NHS number, the volunteer's id, the condition and the score.</summary>
public sealed record PeerMatch(string PeerMatchId, string NhsNumber, string VolunteerId, string Condition, double Score);

/// <summary>A befriending referral. Prints referral id, hospital number, the patient's name, the ward and the discharge date.</summary>
public sealed record BefriendingReferral(string ReferralId, string HospitalNumber, string PatientName, string Ward, DateOnly DischargedOn);

/// <summary>A befriender. Prints volunteer id, name, phone and area.</summary>
public sealed record Befriender(string VolunteerId, string Name, string Phone, string Area);

public interface IPartnerNotificationGateway
{
    Task<NoticeReceipt> SendAsync(PartnerNotice notice, CancellationToken cancellationToken = default);
}

public interface IVolunteerRegister
{
    Task<IReadOnlyList<PeerSupporter>> AvailableAsync(string specialism, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Befriender>> NearAsync(string area, CancellationToken cancellationToken = default);
}

/// <summary>The patient is not registered with the clinic; quotes the clinic number.</summary>
public sealed class PatientNotRegisteredException(string clinicNumber) : Exception($"Clinic number {clinicNumber} is not registered");

/// <summary>The platform refused the notice; quotes the platform and its code.</summary>
public sealed class PlatformRejectedNoticeException(string platform, string code) : Exception($"{platform} rejected the notice: {code}");

/// <summary>No peer supporter is free; quotes the condition and the area.</summary>
public sealed class NoPeerAvailableException(string condition, string area) : Exception($"No peer supporter for {condition} in {area}");
