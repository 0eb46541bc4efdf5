namespace Campus.Admissions;

// The admissions office: applicants, applications, offers and clearing.

/// <summary>An applicant. Prints UCAS personal id, full name, email, phone, date of birth and postcode.</summary>
public sealed record Applicant(string UcasPersonalId, string FullName, string Email, string Phone, DateOnly DateOfBirth, string Postcode);

/// <summary>An application. Prints application id, UCAS personal id, course code, cycle and status.</summary>
public sealed record Application(Guid ApplicationId, string UcasPersonalId, string CourseCode, string Cycle, string Status);

/// <summary>An offer. Prints offer id, application id, course code, conditions and whether it is unconditional; names no one.</summary>
public sealed record Offer(Guid OfferId, Guid ApplicationId, string CourseCode, string Conditions, bool Unconditional);

/// <summary>A clearing call. Prints call id, caller's phone, grades and the course asked for.</summary>
public sealed record ClearingCall(Guid CallId, string CallerPhone, string Grades, string CourseCode);

/// <summary>A personal statement. Prints application id and the statement's text.</summary>
public sealed record PersonalStatement(Guid ApplicationId, string Text);

public interface IAdmissionsStore
{
    Task<Application?> ApplicationAsync(Guid applicationId, CancellationToken cancellationToken = default);

    Task<Applicant> ApplicantAsync(string ucasPersonalId, CancellationToken cancellationToken = default);

    Task<Offer> MakeOfferAsync(Guid applicationId, string conditions, CancellationToken cancellationToken = default);

    Task<int> VacanciesAsync(string courseCode, CancellationToken cancellationToken = default);
}

/// <summary>The application was withdrawn; quotes the application id.</summary>
public sealed class ApplicationWithdrawnException(Guid applicationId) : Exception($"Application {applicationId} was withdrawn");

/// <summary>Another application uses the same email; quotes the email.</summary>
public sealed class DuplicateApplicantException(string email) : Exception($"An applicant already uses {email}");

/// <summary>The course is full; quotes the course code.</summary>
public sealed class CourseFullException(string courseCode) : Exception($"Course {courseCode} has no vacancies");
