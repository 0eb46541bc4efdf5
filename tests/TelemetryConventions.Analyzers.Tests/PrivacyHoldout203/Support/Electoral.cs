namespace PrivacyHoldout203.Support;

/// <summary>An entry on the full electoral register (prints the elector).</summary>
public sealed record Elector(
    string ElectorNumber,
    string FullName,
    string Address,
    string Uprn,
    DateOnly DateOfBirth,
    string? Email,
    string? Phone,
    bool OnOpenRegister,
    string PollingDistrict);

/// <summary>An application for a postal or proxy vote (prints the applicant and the proxy).</summary>
public sealed record AbsentVoteApplication(
    string ApplicationId,
    string ElectorNumber,
    string ApplicantName,
    string Kind,
    DateOnly DateOfBirth,
    string SignatureImageRef,
    string? ProxyName,
    string? ProxyElectorNumber,
    string Reason);

/// <summary>A returned postal voting statement, as the opening session scans it.</summary>
public sealed record PostalVoteStatement(
    string BatchId,
    string BallotPaperNumber,
    string ElectorNumber,
    DateOnly DateOfBirthGiven,
    bool SignatureMatched,
    bool DateOfBirthMatched);

/// <summary>A voter authority certificate (free voter ID).</summary>
public sealed record VoterAuthorityCertificate(
    string CertificateNumber,
    string ElectorNumber,
    string HolderName,
    DateOnly IssuedOn,
    string PhotoFileName);

/// <summary>One member of polling station staff on one station.</summary>
public sealed record StationStaffAssignment(
    string StationId,
    string PollingDistrict,
    string Role,
    string StaffId,
    string StaffName,
    string StaffMobile);

/// <summary>A candidate as nominated, with the election agent.</summary>
public sealed record Candidate(
    string CandidateId,
    string Name,
    string HomeAddress,
    string Party,
    string Ward,
    string AgentName,
    string AgentEmail);

/// <summary>The count's totals for one ward. No person in it.</summary>
public sealed record CountSummary(string ElectionId, string Ward, int BallotsIssued, int Rejected, double Turnout);

/// <summary>A polling station's readiness. No person in it.</summary>
public sealed record StationSummary(string StationId, string Ward, int StaffCount, bool StepFreeAccess);

/// <summary>A nomination paper as the returning officer's system holds it. No ToString.</summary>
public sealed class NominationPaper
{
    public required string PaperId { get; init; }

    public required string CandidateName { get; init; }

    public required string ProposerElectorNumber { get; init; }

    public required string Ward { get; init; }

    public int Subscribers { get; init; }
}

/// <summary>The electoral management system's register (a system of record, not telemetry).</summary>
public interface IElectoralRegister
{
    Task<Elector?> FindAsync(string electorNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<Elector>> SearchAsync(string surname, string postcode, CancellationToken cancellationToken);

    Task SaveAbsentVoteAsync(AbsentVoteApplication application, CancellationToken cancellationToken);

    Task<IReadOnlyList<StationStaffAssignment>> StaffForAsync(string stationId, CancellationToken cancellationToken);
}

/// <summary>The government's identity verification service for applications (a sink, not telemetry).</summary>
public interface IIdentityVerification
{
    Task<bool> VerifyAsync(string nationalInsuranceNumber, string fullName, DateOnly dateOfBirth, CancellationToken cancellationToken);
}

/// <summary>The council's notification gateway (a sink, not telemetry).</summary>
public interface INotifyGateway
{
    Task SendAsync(string to, string templateId, IReadOnlyDictionary<string, string> personalisation, CancellationToken cancellationToken);
}

/// <summary>The register could not find an elector; the message quotes the elector number.</summary>
public sealed class ElectorNotFoundException(string electorNumber)
    : Exception($"No elector {electorNumber} on the register");

/// <summary>A postal voting statement did not match; the message quotes the ballot paper number and the date of birth given.</summary>
public sealed class StatementMismatchException(string ballotPaperNumber, DateOnly dateOfBirthGiven)
    : Exception($"Statement for ballot paper {ballotPaperNumber} gave {dateOfBirthGiven:yyyy-MM-dd}, which does not match the record");

/// <summary>A voter authority certificate was refused; the message quotes the certificate number and the holder.</summary>
public sealed class CertificateRefusedException(string certificateNumber, string holderName)
    : Exception($"Certificate {certificateNumber} for {holderName} refused");

/// <summary>The electoral management system did not answer; the message quotes only the system and the status.</summary>
public sealed class RegisterUnavailableException(string system, int statusCode)
    : Exception($"{system} answered {statusCode}");

/// <summary>A polling station cannot open; the message quotes the station and the reason.</summary>
public sealed class StationClosedException(string stationId, string reason)
    : Exception($"Station {stationId} closed: {reason}");

/// <summary>An application arrived after the deadline; the message quotes the application id and the deadline.</summary>
public sealed class DeadlinePassedException(string applicationId, DateTimeOffset deadline)
    : Exception($"Application {applicationId} received after {deadline:O}");
