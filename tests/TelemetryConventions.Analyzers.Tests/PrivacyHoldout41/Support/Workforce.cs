using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout41.Support;

// Stand-ins for the HR, payroll, recruitment and screening systems the services call. Only the shapes
// matter; the comments say what the real systems put in their messages.

/// <summary>An employee as the HR system of record holds them.</summary>
public sealed record Employee(
    string EmployeeNumber,
    string GivenName,
    string FamilyName,
    string WorkEmail,
    string? PersonalEmail,
    string? MobileNumber,
    DateOnly DateOfBirth,
    string NationalInsuranceNumber,
    string Department,
    string Grade,
    string CostCentre,
    string Site,
    string? ManagerEmployeeNumber,
    DateOnly StartDate)
{
    public string DisplayName => $"{GivenName} {FamilyName}";
}

public interface IEmployeeDirectory
{
    Task<Employee?> FindAsync(string employeeNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Employee>> InDepartmentAsync(string department, CancellationToken cancellationToken = default);
}

/// <summary>A system user as the identity provider (Entra ID, Google Workspace) holds them.</summary>
public sealed record DirectoryUser(string ObjectId, string UserPrincipalName, string DisplayName, string? EmployeeId, bool AccountEnabled);

/// <summary>The identity provider's admin API.</summary>
public interface IDirectoryAdmin
{
    Task<DirectoryUser> CreateUserAsync(string userPrincipalName, string displayName, string employeeId, string department, CancellationToken cancellationToken);

    Task DisableUserAsync(string objectId, CancellationToken cancellationToken);

    Task<int> RevokeSessionsAsync(string objectId, CancellationToken cancellationToken);

    Task AddToGroupAsync(string objectId, string groupName, CancellationToken cancellationToken);
}

/// <summary>
/// The identity provider's error. Like Microsoft Graph, a conflict quotes the value that clashed
/// ("Another object with the same value for property userPrincipalName already exists: 'x@y'");
/// throttling and server errors carry fixed texts.
/// </summary>
public sealed class DirectoryServiceException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}

/// <summary>A team chat workspace (Slack-like) the studio provisions accounts in.</summary>
public interface IChatWorkspaceAdmin
{
    /// <summary>Invites the address and returns the workspace's id of the new member (<c>U04…</c>).</summary>
    Task<string> InviteAsync(string email, string displayName, IReadOnlyList<string> channels, CancellationToken cancellationToken);

    Task DeactivateAsync(string memberId, CancellationToken cancellationToken);
}

// ---- Recruitment ---------------------------------------------------------------------------------

public sealed record Candidate(string CandidateId, string FirstName, string LastName, string Email, string? Phone, IReadOnlyList<string> Tags);

public sealed record ApplicationStageChange(string ApplicationId, string CandidateId, string VacancyId, string FromStage, string ToStage, string ChangedByEmail);

public interface IApplicantTrackingClient
{
    Task<Candidate> CreateCandidateAsync(string firstName, string lastName, string email, string? phone, CancellationToken cancellationToken);

    Task<Candidate?> GetCandidateAsync(string candidateId, CancellationToken cancellationToken);

    Task MoveStageAsync(string applicationId, string stage, CancellationToken cancellationToken);
}

/// <summary>
/// The applicant tracking system's error. For 409 its message quotes the conflicting email
/// ("Candidate with email 'jo@example.org' already exists"); for 422 it names the invalid field only
/// ("phone: is not a valid phone number"); for 429 and 5xx it is a fixed text.
/// </summary>
public sealed class AtsApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>A background screening provider (criminal record, references, employment history).</summary>
public sealed record ScreeningRequest(string CandidateReference, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string Kind);

public sealed record ScreeningCheck(string CheckId, string Kind, string Status, string? Result, DateTimeOffset UpdatedAt);

public interface IScreeningClient
{
    Task<ScreeningCheck> StartCheckAsync(ScreeningRequest request, CancellationToken cancellationToken);

    Task<ScreeningCheck> GetCheckAsync(string checkId, CancellationToken cancellationToken);
}

/// <summary>The screening provider's error: a code and the provider's fixed description for it, never a submitted value.</summary>
public sealed class ScreeningApiException(string code, string description) : Exception($"{code}: {description}")
{
    public string Code { get; } = code;
}

/// <summary>The DBS update service's answer for a certificate.</summary>
public sealed record DbsStatus(string Code, DateTimeOffset CheckedAt);

public interface IDbsUpdateService
{
    Task<DbsStatus> CheckStatusAsync(string certificateNumber, string surname, DateOnly dateOfBirth, string organisationName, CancellationToken cancellationToken);
}

/// <summary>The DBS update service did not answer: an HTTP status, no request values.</summary>
public sealed class DbsServiceUnavailableException(int status) : Exception($"The DBS update service returned HTTP {status}.")
{
    public int Status { get; } = status;
}

/// <summary>The Home Office online right-to-work check.</summary>
public sealed record RightToWorkResult(string Outcome, string CheckReference, DateOnly? PermissionExpires, string? Conditions);

public interface IRightToWorkService
{
    Task<RightToWorkResult> CheckAsync(string shareCode, DateOnly dateOfBirth, string companyName, CancellationToken cancellationToken);
}

/// <summary>The Home Office service's error: a code and its fixed text ("DETAILS_NOT_FOUND: The details entered do not match our records").</summary>
public sealed class RightToWorkServiceException(string code, string description) : Exception($"{code}: {description}")
{
    public string Code { get; } = code;
}

// ---- Payroll -------------------------------------------------------------------------------------

public sealed record PayrollRun(string RunId, string Payroll, string Period, DateOnly PayDate);

public sealed record PayslipLine(
    string PayslipId,
    string EmployeeNumber,
    string NationalInsuranceNumber,
    string TaxCode,
    char NiCategory,
    decimal Gross,
    decimal Tax,
    decimal EmployeeNi,
    decimal Net,
    string SortCode,
    string AccountNumber,
    string PayeeName);

public interface IPayrollStore
{
    Task<IReadOnlyList<PayslipLine>> GrossToNetAsync(PayrollRun run, CancellationToken cancellationToken);

    Task MarkPaidAsync(string runId, CancellationToken cancellationToken);
}

/// <summary>An error HMRC's RTI gateway returned for an FPS. Its text quotes the submitted value for the business rules on identifiers ("The NINO 'AB123456C' is not valid").</summary>
public sealed record RtiError(string Number, string Text, string Location);

/// <summary>The RTI client's exception: its message gives the correlation id and the number of errors only.</summary>
public sealed class RtiSubmissionException(string correlationId, IReadOnlyList<RtiError> errors)
    : Exception($"FPS submission {correlationId} was rejected with {errors.Count} error(s).")
{
    public string CorrelationId { get; } = correlationId;

    public IReadOnlyList<RtiError> Errors { get; } = errors;
}

public interface IRtiGateway
{
    Task<string> SubmitFpsAsync(PayrollRun run, IReadOnlyList<PayslipLine> lines, CancellationToken cancellationToken);
}

public interface IBlobContainer
{
    string Name { get; }

    Task<Uri> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken);

    Uri GenerateSasUri(string blobName, DateTimeOffset expiresOn);
}

/// <summary>The mail relay. A refusal is an <see cref="InvalidOperationException"/> with the relay's status line ("4.7.1 Relay access denied"), never the address.</summary>
public interface IMailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

// ---- Time, attendance and expenses ---------------------------------------------------------------

/// <summary>A swipe of a colleague's badge at a store's time clock.</summary>
public sealed record ClockSwipe(string TerminalId, string StoreNumber, string BadgeNumber, DateTimeOffset At, string Direction);

public sealed record ExpenseClaim(
    string ClaimId,
    string EmployeeNumber,
    string Category,
    decimal Amount,
    string Currency,
    string? MerchantName,
    string? VehicleRegistration,
    decimal? Miles,
    byte[]? ReceiptImage);

/// <summary>A mediator notification handler, as MediatR has it.</summary>
public interface INotificationHandler<in TNotification>
{
    Task Handle(TNotification notification, CancellationToken cancellationToken);
}

/// <summary>A recurring job scheduler (Hangfire-like); the job store is not telemetry.</summary>
public interface IJobScheduler
{
    string Schedule(string jobName, object arguments, DateTimeOffset runAt);
}
