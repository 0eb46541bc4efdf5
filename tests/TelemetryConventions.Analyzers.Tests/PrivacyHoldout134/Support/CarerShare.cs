namespace Medikit.CarerShare;

// Sharing a person's allergies and medicines with carers, school staff, event medics and other trusted people.

/// <summary>An allergy. Prints the allergen's code, the reaction and the severity.</summary>
public sealed record AllergyEntry(string AllergenCode, string Reaction, string Severity);

/// <summary>A medicine someone takes. Prints its name, dose and when it is taken.</summary>
public sealed record MedicationLine(string Medicine, string Dose, string Timing);

/// <summary>A share of a person's record with a carer. Prints the share, the subject's reference, the carer's name and email, the allergies and medicines lists.</summary>
public sealed record MedicationRecordShare(string ShareId, string SubjectRef, string CarerName, string CarerEmail, IReadOnlyList<AllergyEntry> Allergies, IReadOnlyList<MedicationLine> Medicines)
{
    public DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>A carer's access was revoked; quotes the carer's email.</summary>
public sealed class CarerAccessRevokedException(string carerEmail)
    : Exception($"Access revoked for {carerEmail}");

/// <summary>The share expired; quotes the share id and its expiry.</summary>
public sealed class ShareExpiredException(string shareId, DateTimeOffset expiredAt)
    : Exception($"Share {shareId} expired at {expiredAt:O}");
