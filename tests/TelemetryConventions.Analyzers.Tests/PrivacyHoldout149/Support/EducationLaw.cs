namespace Justice.Education;

// A local authority's education law work: SEND tribunal appeals, school attendance prosecutions in
// the magistrates' court, exclusion independent review panels and education referrals for people
// on probation.

/// <summary>A SEND appeal. Prints appeal ref, the pupil's UPN and name, the parent's name and email, the appeal type, the school and when registered.</summary>
public sealed record SendAppeal(string AppealRef, string PupilUpn, string ChildName, string ParentName, string ParentEmail, string AppealType, string School, DateOnly RegisteredOn);

/// <summary>The authority's response. Prints appeal ref, decision, days to respond and whether conceded.</summary>
public sealed record AppealResponse(string AppealRef, string Decision, int DaysToRespond, bool Conceded);

public interface ISendTribunalService
{
    Task<AppealResponse> RespondAsync(SendAppeal appeal, CancellationToken cancellationToken = default);
}

/// <summary>The appeal came in late; quotes the appeal and the days.</summary>
public sealed class AppealOutOfTimeException(string appealRef, int daysLate) : Exception($"Appeal {appealRef} registered {daysLate} days out of time");

/// <summary>The child is not on any roll in the authority; quotes the UPN.</summary>
public sealed class ChildNotOnRollException(string upn) : Exception($"Pupil {upn} is not on roll in this authority");

/// <summary>An attendance prosecution. Prints case id, the pupil's UPN and name, the parent's name and address, attendance, school and court.</summary>
public sealed record AttendanceCase(string CaseId, string PupilUpn, string PupilName, string ParentName, string ParentAddress, decimal AttendancePercent, string School, string Court);

/// <summary>The summons laid. Prints case id, hearing id, when and the court.</summary>
public sealed record SummonsResult(string CaseId, string HearingId, DateTime HearingAt, string Court);

public interface IMagistratesGateway
{
    Task<SummonsResult> LaySummonsAsync(AttendanceCase attendanceCase, CancellationToken cancellationToken = default);
}

/// <summary>The summons could not be served; quotes the parent's name.</summary>
public sealed class ParentNotServedException(string parentName) : Exception($"Summons could not be served on {parentName}");

/// <summary>The court has no slot; quotes the court and week.</summary>
public sealed class NoCourtSlotException(string court, int week) : Exception($"No attendance court slot at {court} in week {week}");

/// <summary>A request for an exclusion review. Prints review id, the pupil's UPN and name, school, days excluded, the parent's statement and phone.</summary>
public sealed record ExclusionReviewRequest(string ReviewId, string PupilUpn, string PupilName, string School, int ExclusionDays, string ParentStatement, string ParentPhone);

/// <summary>The panel's decision. Prints review id, decision and whether the governors must reconsider.</summary>
public sealed record PanelDecision(string ReviewId, string Decision, bool Reconsider);

/// <summary>A probation education, training and employment referral. Prints referral id, the CRN, the learner's name, course, college and employment status.</summary>
public sealed record EteReferral(string ReferralId, string Crn, string LearnerName, string CourseCode, string College, string EmploymentStatus);

public interface ICollegeEnrolment
{
    Task<string> EnrolAsync(EteReferral referral, CancellationToken cancellationToken = default);
}
