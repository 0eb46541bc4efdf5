namespace HighStreet.Schools;

// A school screening programme and a dental school's student clinic.

/// <summary>A pupil on the screening list. Prints unique pupil number, names, date of birth, school and year group.</summary>
public sealed record ScreeningPupil(string Upn, string FirstName, string LastName, DateOnly DateOfBirth, string SchoolUrn, string YearGroup);

/// <summary>A vision screening result. Prints the pupil's UPN, both eyes' logMAR and whether referred.</summary>
public sealed record VisionResult(string Upn, decimal RightLogMar, decimal LeftLogMar, bool Refer);

/// <summary>A parent's contact. Prints the pupil's UPN, the parent's name, email and mobile.</summary>
public sealed record ParentContact(string Upn, string ParentName, string ParentEmail, string ParentMobile);

/// <summary>A dental inspection from the community dental service. Prints inspection id, UPN, decayed teeth, urgency and school.</summary>
public sealed record DentalInspection(string InspectionId, string Upn, int DecayedTeeth, bool UrgentReferral, string SchoolUrn);

/// <summary>A screening round at a school. Prints round id, school, date and pupils on the list.</summary>
public sealed record ScreeningRound(string RoundId, string SchoolUrn, DateOnly On, int Pupils);

/// <summary>A student clinic session. Prints session id, the student's number, the supervisor's GDC number, the patient's record and the procedure.</summary>
public sealed record ClinicSession(string SessionId, string StudentNumber, string SupervisorGdcNumber, string PatientRecord, string Procedure);

public interface IScreeningRoster
{
    Task<IReadOnlyList<ScreeningPupil>> ListAsync(string schoolUrn, CancellationToken cancellationToken = default);

    Task<ParentContact?> ParentOfAsync(string upn, CancellationToken cancellationToken = default);
}

/// <summary>The letters service that posts and emails results to parents: not telemetry.</summary>
public interface IParentLetters
{
    Task SendAsync(string email, string templateId, VisionResult result, CancellationToken cancellationToken = default);
}

/// <summary>The dental school's logbook: not telemetry.</summary>
public interface IClinicLogbook
{
    Task<int> SignOffsAsync(string studentNumber, string procedure, CancellationToken cancellationToken = default);

    Task RecordAsync(ClinicSession session, CancellationToken cancellationToken = default);
}

/// <summary>The pupil is not on the school's roll; quotes the UPN.</summary>
public sealed class PupilNotOnRollException(string upn) : Exception($"Pupil {upn} is not on the roll");

/// <summary>The round has closed; quotes school and round.</summary>
public sealed class RoundClosedException(string schoolUrn, string roundId) : Exception($"Round {roundId} at {schoolUrn} is closed");

/// <summary>The student is not signed off for a procedure; quotes the student number and the procedure.</summary>
public sealed class StudentNotSignedOffException(string studentNumber, string procedure) : Exception($"Student {studentNumber} is not signed off for {procedure}");
