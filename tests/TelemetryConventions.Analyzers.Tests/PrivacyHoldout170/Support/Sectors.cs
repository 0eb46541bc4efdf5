namespace Recruitment.Sectors;

// Each industry's side of recruitment and vetting.

/// <summary>A trust's locum booking. Prints booking id, trust, ward, the doctor's GMC number and candidate id, and the shift start.</summary>
public sealed record LocumBooking(string BookingId, string Trust, string Ward, string GmcNumber, string CandidateId, DateTimeOffset ShiftStart);

/// <summary>The NMC register refused a PIN; the message quotes it.</summary>
public sealed class NmcPinNotFoundException(string pin) : Exception($"NMC PIN {pin} not on the register");

/// <summary>A supply booking. Prints booking id, school URN, the teacher reference number and candidate id.</summary>
public sealed record SupplyBooking(string BookingId, string SchoolUrn, string TeacherReferenceNumber, string CandidateId);

/// <summary>A barred-list check matched; the message quotes the teacher reference number.</summary>
public sealed class BarredListMatchException(string teacherReferenceNumber) : Exception($"Barred list match for TRN {teacherReferenceNumber}");

/// <summary>A field engineer's vetting. Prints the engineer number, candidate id, BPSS level and region.</summary>
public sealed record EngineerVetting(string EngineerNumber, string CandidateId, string BpssLevel, string Region);

/// <summary>A tech test invite. Prints invite id, candidate id, GitHub handle and repository name (`techtest-{handle}`, so it names the candidate).</summary>
public sealed record TechTestInvite(string InviteId, string CandidateId, string GitHubHandle, string RepositoryName);

/// <summary>The repository could not be created; the message quotes its name (built from the GitHub handle).</summary>
public sealed class RepositoryProvisioningException(string repository) : Exception($"Could not create repository {repository}");

/// <summary>A freelancer. Prints freelancer id, full name, email and National Insurance number.</summary>
public sealed record FreelancerProfile(string FreelancerId, string FullName, string Email, string NationalInsuranceNumber);

/// <summary>A press pass application. Prints application id, freelancer id and outlet.</summary>
public sealed record PressPassApplication(string ApplicationId, string FreelancerId, string Outlet);

/// <summary>A seasonal applicant. Prints applicant id, email, mobile, store number and date of birth.</summary>
public sealed record SeasonalApplicant(string ApplicantId, string Email, string Mobile, string StoreNumber, DateOnly DateOfBirth);

/// <summary>The store's seasonal headcount is full; the message quotes the store number.</summary>
public sealed class StoreHeadcountFullException(string storeNumber) : Exception($"Store {storeNumber} has no seasonal headcount left");

/// <summary>A bus driver applicant. Prints candidate id, licence number, DQC number and depot.</summary>
public sealed record DriverApplicant(string CandidateId, string Surname, string LicenceNumber, string DqcNumber, string Depot);
