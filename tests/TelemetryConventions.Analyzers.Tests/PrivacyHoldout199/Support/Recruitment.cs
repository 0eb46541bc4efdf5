namespace PrivacyHoldout199.Support;

// The agency's records, as the applicant tracking system (ATS) and the back office hold them.

/// <summary>A candidate registered with the agency.</summary>
public sealed record Candidate(string CandidateId, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode);

/// <summary>A candidate as the job board's profile page loads it (a class: no generated ToString).</summary>
public sealed class CandidateProfile
{
    public required string CandidateId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public string Headline { get; init; } = string.Empty;

    public int YearsExperience { get; init; }
}

/// <summary>An application to a vacancy.</summary>
public sealed record JobApplication(string ApplicationId, string VacancyId, string CandidateId, string CandidateEmail, string CoverLetter, string CvFileName);

/// <summary>A vacancy as listed on the board.</summary>
public sealed record VacancySummary(string VacancyId, string ClientCode, string Title, string SalaryBand, int Openings);

/// <summary>The fields the CV parser pulls out of an uploaded CV.</summary>
public sealed record ParsedCv(string FullName, string Email, string Phone, string LinkedInUrl, IReadOnlyList<string> Skills, int YearsExperience);

/// <summary>A referee a candidate named.</summary>
public sealed record Referee(string RefereeId, string Name, string Email, string Phone, string Relationship);

/// <summary>A reference request sent to a referee.</summary>
public sealed record ReferenceRequest(string RequestId, string CandidateId, string RefereeEmail, string FormLink);

/// <summary>What came back from a referee, without the referee.</summary>
public sealed record ReferenceOutcome(string RequestId, string Rating, bool Received, int DaysToRespond);

/// <summary>A slot the client offers for interviews.</summary>
public sealed record InterviewSlot(string SlotId, string VacancyId, DateTimeOffset StartsAt, string Room, int PanelSize);

/// <summary>An interview booked for a candidate.</summary>
public sealed record InterviewBooking(string BookingId, string CandidateId, string CandidateName, string InterviewerEmail, DateTimeOffset StartsAt);

/// <summary>A right-to-work check against the Home Office service.</summary>
public sealed record RightToWorkCheck(string CheckReference, string ShareCode, DateOnly DateOfBirth, string Nationality);

/// <summary>The Home Office service's answer.</summary>
public sealed record RightToWorkOutcome(string CheckReference, string Outcome, string ExpiryMonth);

/// <summary>A DBS check the agency runs.</summary>
public sealed record DbsCheck(string CheckId, string CertificateNumber, string Surname, string Workforce);

/// <summary>The DBS update service's answer.</summary>
public sealed record DbsStatus(string CheckId, string StatusCode, string Workforce);

/// <summary>An offer made to a candidate.</summary>
public sealed record JobOffer(string OfferId, string VacancyId, string CandidateId, string CandidateName, decimal Salary, string SalaryBand);

/// <summary>An offer as the dashboards see it.</summary>
public sealed record OfferSummary(string OfferId, string VacancyId, string SalaryBand, string Status);

/// <summary>A temp worker's weekly timesheet.</summary>
public sealed record Timesheet(string TimesheetId, string WorkerId, string NiNumber, string AssignmentId, decimal Hours, decimal PayRate);

/// <summary>Timesheets of one assignment, added up.</summary>
public sealed record TimesheetTotals(string AssignmentId, int Timesheets, decimal Hours);

/// <summary>The ATS: the system of record for candidates.</summary>
public sealed class CandidateStore
{
    private readonly Dictionary<string, Candidate> _candidates = new();

    public Candidate? Find(string candidateId) => _candidates.TryGetValue(candidateId, out var c) ? c : null;

    public Candidate? FindByEmail(string email) => _candidates.Values.FirstOrDefault(c => c.Email == email);

    public void Save(Candidate candidate) => _candidates[candidate.CandidateId] = candidate;

    public int CountApplications(string candidateId) => candidateId.Length % 4;

    public Task<IReadOnlyList<Referee>> RefereesAsync(string candidateId) => Task.FromResult<IReadOnlyList<Referee>>(Array.Empty<Referee>());
}

/// <summary>Sends reference forms to referees (mail, not telemetry).</summary>
public sealed class ReferenceMailer
{
    public Task<string> SendAsync(Referee referee, string formLink) => Task.FromResult("REQ-" + referee.RefereeId);
}

/// <summary>The Home Office right-to-work service.</summary>
public sealed class HomeOfficeClient
{
    public Task<RightToWorkOutcome> CheckAsync(RightToWorkCheck check) =>
        Task.FromResult(new RightToWorkOutcome(check.CheckReference, "continuous", "2027-03"));
}

/// <summary>The DBS update service.</summary>
public sealed class DbsUpdateClient
{
    public Task<DbsStatus> StatusAsync(DbsCheck check) => Task.FromResult(new DbsStatus(check.CheckId, "NEW_INFO_NONE", check.Workforce));
}

/// <summary>The payroll bureau that pays temps.</summary>
public sealed class PayrollGateway
{
    public Task<string> SubmitAsync(Timesheet timesheet) => Task.FromResult("PAYRUN-" + timesheet.AssignmentId);
}

/// <summary>The CV parsing vendor.</summary>
public sealed class CvParser
{
    public ParsedCv Parse(byte[] document) => new("", "", "", "", Array.Empty<string>(), 0);
}

// Exceptions: some quote a person, some only things.

public sealed class CandidateNotFoundException(string candidateId)
    : Exception($"Candidate {candidateId} is not registered with the agency");

public sealed class DuplicateApplicationException(string email)
    : Exception($"An application from {email} already exists for this vacancy");

public sealed class ShareCodeRejectedException(string shareCode)
    : Exception($"The Home Office rejected share code {shareCode}");

public sealed class PayrollRejectedException(string niNumber)
    : Exception($"Payroll rejected the timesheet: National Insurance number {niNumber} does not match HMRC records");

public sealed class RefereeBouncedException(string refereeEmail)
    : Exception($"Reference request to {refereeEmail} bounced");

public sealed class VacancyClosedException(string vacancyId)
    : Exception($"Vacancy {vacancyId} closed to applications");

public sealed class HomeOfficeUnavailableException(int statusCode)
    : Exception($"The Home Office right-to-work service answered {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

public sealed class TimesheetRejectedException(string timesheetId, string reasonCode)
    : Exception($"Timesheet {timesheetId} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

public sealed class SlotTakenException(string slotId)
    : Exception($"Interview slot {slotId} is already taken");
