namespace Scholaris.Mis;

// The shapes of a school MIS's partner API (pupils, contacts, registers, behaviour, exclusions, SEN),
// in the manner of the read-write APIs that MIS vendors and data brokers publish.

/// <summary>A pupil on roll. Prints its members: the UPN, the admission number, names and date of birth among them.</summary>
public sealed record Pupil(
    string Upn,
    string AdmissionNumber,
    string LegalForename,
    string LegalSurname,
    string PreferredName,
    DateOnly DateOfBirth,
    string YearGroup,
    string RegGroup,
    bool FreeSchoolMeals,
    bool PupilPremium,
    string? SenProvision);

/// <summary>A contact of a pupil. Prints its members: name, email and mobile among them.</summary>
public sealed record GuardianContact(string Name, string Relationship, string Email, string Mobile, int Priority, bool ParentalResponsibility);

/// <summary>A register mark for one session. Prints the pupil's UPN, the date, the session, the code and the comment typed by the office.</summary>
public sealed record AttendanceMark(string Upn, DateOnly Date, string Session, string Code, string? Comment);

/// <summary>A register for one group and session (the marks list prints as its type's name).</summary>
public sealed record RegisterSession(string RegGroup, DateOnly Date, string Session, string TakenByStaffCode, IReadOnlyList<AttendanceMark> Marks);

/// <summary>DfE attendance codes used by the services.</summary>
public static class AttendanceCodes
{
    public const string Present = "/";
    public const string Late = "L";
    public const string Illness = "I";
    public const string Medical = "M";
    public const string Holiday = "G";
    public const string Unauthorised = "O";
    public const string Excluded = "E";
    public const string EducatedOffSite = "B";
    public const string Performance = "C1";

    public static bool IsAuthorisedAbsence(string code) => code is Illness or Medical or Excluded or Performance;
}

/// <summary>A behaviour incident. Prints the pupil, the reporting member of staff and the description typed by them.</summary>
public sealed record BehaviourIncident(Guid IncidentId, string Upn, string Category, int Points, string Location, string ReportedByStaffCode, string Description);

/// <summary>A suspension or permanent exclusion. Prints the pupil's UPN.</summary>
public sealed record ExclusionRecord(string ExclusionId, string Upn, string Kind, string ReasonCode, DateOnly StartDate, int Sessions);

/// <summary>A pupil's SEN record. Prints the UPN, the provision (K or E), the primary need, the plan ref and the review date.</summary>
public sealed record SenRecord(string Upn, string Provision, string PrimaryNeed, string? EhcpRef, DateOnly ReviewDue);

public interface IMisClient
{
    Task<Pupil?> GetPupilAsync(string upn, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Pupil>> GetPupilsAsync(string schoolUrn, string yearGroup, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GuardianContact>> GetContactsAsync(string upn, CancellationToken cancellationToken = default);

    Task WriteMarksAsync(string schoolUrn, IEnumerable<AttendanceMark> marks, CancellationToken cancellationToken = default);

    Task<Guid> RecordIncidentAsync(string schoolUrn, BehaviourIncident incident, CancellationToken cancellationToken = default);

    Task RecordExclusionAsync(string schoolUrn, ExclusionRecord exclusion, CancellationToken cancellationToken = default);

    Task<SenRecord?> GetSenRecordAsync(string upn, CancellationToken cancellationToken = default);
}

/// <summary>No pupil has the UPN; the message quotes it.</summary>
public sealed class PupilNotFoundException(string upn) : Exception($"No pupil on roll with UPN '{upn}'")
{
    public string Upn { get; } = upn;
}

/// <summary>The register is locked for the session; the message quotes the group, the date and the session.</summary>
public sealed class RegisterLockedException(string regGroup, DateOnly date, string session)
    : Exception($"Register {regGroup} {date:yyyy-MM-dd} {session} is locked")
{
    public string RegGroup { get; } = regGroup;
}

/// <summary>The MIS throttled the partner; the message quotes the delay.</summary>
public sealed class MisRateLimitedException(TimeSpan retryAfter) : Exception($"Rate limited; retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
