namespace PrivacyHoldout188.Support;

/// <summary>An employee as HR holds them.</summary>
public sealed record Employee(string EmployeeNumber, string FullName, string WorkEmail, string MobileNumber, string NiNumber, DateOnly DateOfBirth, string DepartmentCode, string SiteCode);

/// <summary>A fit note (statement of fitness for work) as the GP wrote it and HR keyed it.</summary>
public sealed record FitNote(string FitNoteId, string EmployeeNumber, string ClinicianName, string Condition, DateOnly From, DateOnly To, bool MayBeFit, string Adjustments);

/// <summary>One sickness absence episode.</summary>
public sealed record AbsenceEpisode(string EpisodeId, string EmployeeNumber, string ReasonCode, string Description, int Days, DateOnly StartedOn);

/// <summary>A manager's referral to occupational health.</summary>
public sealed record ManagementReferral(string ReferralId, string EmployeeNumber, string ManagerEmail, string Question, string ReasonCode, string SiteCode);

/// <summary>An audiometry (hearing) test result of a worker exposed to noise.</summary>
public sealed record AudiometryResult(string TestId, string EmployeeNumber, int LeftLossDb, int RightLossDb, string Category, string BoothId);

/// <summary>A spirometry (lung function) test result.</summary>
public sealed record SpirometryResult(string TestId, string EmployeeNumber, double Fev1, double Fvc, double Ratio, string DeviceSerial, string TechnicianName);

/// <summary>A phased return-to-work plan agreed with the manager.</summary>
public sealed record ReturnToWorkPlan(string PlanId, string EmployeeNumber, string ManagerNotes, int PhasedWeeks, string AdjustmentCode, string SiteCode);

/// <summary>A contact with the employee assistance programme.</summary>
public sealed record EapContact(string CaseId, string EmployeeNumber, string CallerPhone, string PresentingIssue, string CounsellorId, int SessionsOffered);

/// <summary>Surveillance figures for a site: no person in it.</summary>
public sealed record SurveillanceSummary(string ProgrammeId, string SiteCode, int Tested, int Referred, int Overdue);

/// <summary>Absence figures for a department: no person in it.</summary>
public sealed record AbsenceStats(string DepartmentCode, int Episodes, double DaysLost, int LongTerm);

/// <summary>An occupational health clinician (a person); a class without ToString.</summary>
public sealed class ClinicianProfile
{
    public required string ClinicianId { get; init; }

    public required string Name { get; init; }

    public required string RegistrationNumber { get; init; }

    public int CaseLoad { get; init; }
}

/// <summary>The outcome of an occupational health assessment as sent to the manager.</summary>
public sealed record AssessmentOutcome(string ReferralId, string OutcomeCode, bool FitForWork, int RecommendedHours, string ClinicianId);
