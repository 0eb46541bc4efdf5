namespace Border.Sponsorship;

// A sponsor's duties: CAS and certificates of sponsorship, attendance and reports.

/// <summary>A CAS assigned. Prints CAS number, student number, course, sponsor licence, nationality and course start.</summary>
public sealed record CasAssignment(string CasNumber, string StudentNumber, string CourseCode, string SponsorLicence, string Nationality, DateOnly CourseStart);

/// <summary>A certificate of sponsorship. Prints CoS number, employee number, SOC code, salary and sponsor licence.</summary>
public sealed record CertificateOfSponsorship(string CosNumber, string EmployeeNumber, string SocCode, decimal Salary, string SponsorLicence);

/// <summary>Missed contact points. Prints student number, course and the number of misses.</summary>
public sealed record AttendanceMiss(string StudentNumber, string CourseCode, int ConsecutiveMisses);

/// <summary>A report to the sponsor management system. Prints report id, CAS number and the event type.</summary>
public sealed record SmsReport(string ReportId, string CasNumber, string EventType);

/// <summary>A BRP waiting at the campus. Prints BRP number, student number and the pick-up desk.</summary>
public sealed record BrpParcel(string BrpNumber, string StudentNumber, string Desk);

public interface ISponsorManagementSystem
{
    Task<CasAssignment> AssignCasAsync(string studentNumber, string courseCode, CancellationToken cancellationToken = default);

    Task<CasAssignment> FindCasAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task<string> ReportAsync(SmsReport report, CancellationToken cancellationToken = default);
}

/// <summary>The CAS was already used; quotes the CAS number.</summary>
public sealed class CasAlreadyUsedException(string casNumber) : Exception($"CAS {casNumber} was already used in an application");

/// <summary>The sponsor licence is suspended; quotes the licence.</summary>
public sealed class SponsorLicenceSuspendedException(string licence) : Exception($"Sponsor licence {licence} is suspended");

/// <summary>The year's allocation is used up; quotes the allocation.</summary>
public sealed class AllocationExhaustedException(int allocation) : Exception($"All {allocation} certificates of this year are assigned");
