namespace LifeEvents.Bereavement;

// A hospital trust's bereavement office, medical examiner service and mortuary.

/// <summary>A patient who died in hospital. Prints hospital number, NHS number, full name, date of death and ward.</summary>
public sealed record DeceasedPatient(string HospitalNumber, string NhsNumber, string FullName, DateOnly DateOfDeath, string Ward);

/// <summary>A deceased patient's next of kin. Prints kin record id, name, relationship, phone and email.</summary>
public sealed record NextOfKin(string KinRecordId, string Name, string Relationship, string Phone, string Email);

/// <summary>A medical certificate of cause of death. Prints certificate id, ward, date and whether the coroner was told.</summary>
public sealed record CertificateIssued(string CertificateId, string Ward, DateOnly IssuedOn, bool ReferredToCoroner);

/// <summary>The medical examiner's scrutiny of a death. Prints case id, office, decision and days open.</summary>
public sealed record ScrutinyOutcome(string CaseId, string ExaminerOffice, string Decision, int DaysOpen);

/// <summary>A release from the mortuary to a funeral director. Prints release id, the hospital number, the firm and the time.</summary>
public sealed record MortuaryRelease(string ReleaseId, string HospitalNumber, string FirmId, DateTimeOffset ReleasedAt);

/// <summary>A funeral director's firm. Prints firm id, name and town.</summary>
public sealed record FuneralDirector(string FirmId, string FirmName, string Town);

/// <summary>A referral of a next of kin to bereavement support. Prints referral id, kin record id, service and the officer's note.</summary>
public sealed record SupportReferral(string ReferralId, string KinRecordId, string Service, string Note);

public interface IBereavementCases
{
    Task<DeceasedPatient> GetDeceasedAsync(string hospitalNumber, CancellationToken cancellationToken = default);

    Task<NextOfKin?> NextOfKinAsync(string hospitalNumber, CancellationToken cancellationToken = default);

    Task<CertificateIssued> IssueCertificateAsync(string hospitalNumber, string doctorGmcNumber, CancellationToken cancellationToken = default);

    Task<ScrutinyOutcome> ScrutiniseAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>The mortuary register and the funeral directors' portal; not telemetry.</summary>
public interface IMortuaryRegister
{
    Task<IReadOnlyList<string>> AwaitingReleaseAsync(string site, CancellationToken cancellationToken = default);

    Task<MortuaryRelease> ReleaseAsync(string hospitalNumber, FuneralDirector firm, CancellationToken cancellationToken = default);

    Task<FuneralDirector> FirmAsync(string firmId, CancellationToken cancellationToken = default);
}

/// <summary>The bereavement support services and the office's letters; not telemetry.</summary>
public interface IBereavementSupport
{
    Task<string> ReferAsync(SupportReferral referral, CancellationToken cancellationToken = default);

    Task SendLetterAsync(string email, string templateId, CancellationToken cancellationToken = default);

    Task TextAsync(string phone, string text, CancellationToken cancellationToken = default);
}

/// <summary>No deceased patient has this hospital number; quotes it.</summary>
public sealed class DeceasedNotFoundException(string hospitalNumber) : Exception($"No deceased patient with hospital number {hospitalNumber}");

/// <summary>The next of kin's phone did not answer; quotes the phone.</summary>
public sealed class KinUnreachableException(string phone) : Exception($"Next of kin on {phone} could not be reached");

/// <summary>The death must go to the coroner; quotes the case and a reason code.</summary>
public sealed class CoronerReferralRequiredException(string caseId, string reasonCode) : Exception($"Case {caseId} must be referred to the coroner ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The mortuary is full; quotes the site and the occupied spaces.</summary>
public sealed class MortuaryCapacityException(string site, int occupied) : Exception($"Mortuary at {site} is at capacity ({occupied} spaces)");

/// <summary>The firm is not authorised to collect; quotes the release and the firm.</summary>
public sealed class ReleaseNotAuthorisedException(string releaseId, string firmId) : Exception($"Release {releaseId} is not authorised for firm {firmId}");
