namespace Trialwise.Ctms;

// The shapes of a clinical trial management system (CTMS) and its eCRF, as the research services use them.

/// <summary>A study participant. Prints the study number, NHS number, names, date of birth, email, mobile and site.</summary>
public sealed record Participant(
    string StudyNumber, string? NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string Mobile, string SiteCode);

/// <summary>A screening log line. Prints the screening number, the site, the date and whether the person was eligible.</summary>
public sealed record ScreeningLogEntry(string ScreeningNumber, string SiteCode, DateOnly ScreenedOn, bool Eligible);

/// <summary>The eligibility check's verdict. Prints the study, the site, whether eligible and the failed criteria (an array, printed as its type's name).</summary>
public sealed record EligibilityVerdict(string StudyCode, string SiteCode, bool Eligible, string[] FailedCriteria);

/// <summary>A signed consent. Prints the study number, the form version, the date, the name the participant signed, the staff id of whoever took consent and the optional-samples answer.</summary>
public sealed record ConsentRecord(string StudyNumber, string Version, DateOnly SignedOn, string SignedName, string TakenByStaffId, bool OptionalSamples);

/// <summary>An approved consent form version. Prints the study, the version, the approval date and the ethics reference.</summary>
public sealed record ConsentFormVersion(string StudyCode, string Version, DateOnly ApprovedOn, string EthicsRef);

/// <summary>A visit in a participant's schedule. Prints the visit id, the study number, the visit code and the time.</summary>
public sealed record ScheduledVisit(string VisitId, string StudyNumber, string VisitCode, DateTime At);

/// <summary>A protocol visit window. Prints the study, the visit code and the window in days.</summary>
public sealed record VisitWindow(string StudyCode, string VisitCode, int DayFrom, int DayTo);

/// <summary>An eCRF field value. Prints the form, the study number, the field code, the value and who entered it.</summary>
public sealed record CrfEntry(string FormId, string StudyNumber, string FieldCode, string Value, string EnteredBy);

/// <summary>A data query raised on a form. Prints the query id, the form, the field code and the status.</summary>
public sealed record CrfQuery(string QueryId, string FormId, string FieldCode, string Status);

public interface ICtmsClient
{
    Task<Participant?> FindParticipantAsync(string studyNumber, CancellationToken cancellationToken = default);

    Task<string> EnrolAsync(string studyCode, string screeningNumber, Participant participant, CancellationToken cancellationToken = default);

    Task SaveConsentAsync(ConsentRecord consent, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScheduledVisit>> GetScheduleAsync(string studyNumber, CancellationToken cancellationToken = default);

    Task<CrfQuery?> SaveCrfAsync(CrfEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>No participant has that number; the message quotes the study number.</summary>
public sealed class ParticipantNotFoundException(string studyNumber) : Exception($"No participant {studyNumber} in this study")
{
    public string StudyNumber { get; } = studyNumber;
}

/// <summary>The person is already in the study; the message quotes their NHS number and date of birth.</summary>
public sealed class DuplicateParticipantException(string nhsNumber, DateOnly dateOfBirth)
    : Exception($"NHS number {nhsNumber} (born {dateOfBirth:yyyy-MM-dd}) is already enrolled");

/// <summary>The signed consent is not the current version; the message quotes the study and both versions.</summary>
public sealed class ConsentOutdatedException(string studyCode, string signedVersion, string currentVersion)
    : Exception($"Study {studyCode}: consent {signedVersion} superseded by {currentVersion}")
{
    public string CurrentVersion { get; } = currentVersion;
}

/// <summary>A visit falls outside its window; the message quotes the visit code and the window.</summary>
public sealed class VisitWindowException(string visitCode, int dayFrom, int dayTo)
    : Exception($"Visit {visitCode} must fall between day {dayFrom} and day {dayTo}");

/// <summary>The form is locked for data entry; the message quotes the form id.</summary>
public sealed class CrfLockedException(string formId) : Exception($"Form {formId} is locked after source data verification");
