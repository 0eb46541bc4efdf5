namespace Recruitment.Candidates;

// Candidates as the applicant tracking system (ATS) holds them.

/// <summary>A candidate. Prints the ATS candidate id, full name, email, mobile, date of birth and postcode.</summary>
public sealed record Candidate(string CandidateId, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode);

/// <summary>A placement with a client. Prints the placement id, the candidate id, the client, the role and the rate.</summary>
public sealed record Placement(string PlacementId, string CandidateId, string ClientId, string Role, decimal HourlyRate);

/// <summary>A placement's summary: placement id, role and status; names no one.</summary>
public sealed record PlacementSummary(string PlacementId, string Role, string Status);

/// <summary>A candidate as the ATS's API returns it: a class without ToString.</summary>
public sealed class CandidateProfile
{
    public string CandidateId { get; init; } = "";

    public string FullName { get; init; } = "";

    public string Email { get; init; } = "";

    public string Source { get; init; } = "";
}

public interface ICandidateStore
{
    Task<Candidate?> FindAsync(string candidateId, CancellationToken cancellationToken = default);

    Task<Candidate?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task SaveAsync(Placement placement, CancellationToken cancellationToken = default);
}

/// <summary>Letters, emails and texts to candidates and referees (not telemetry).</summary>
public interface ICandidateMessenger
{
    Task SendAsync(string to, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>The ATS has no such candidate; the message quotes the candidate id.</summary>
public sealed class CandidateNotFoundException(string candidateId) : Exception($"Candidate {candidateId} not found in the ATS");

/// <summary>The ATS already has a candidate with this email; the message quotes it.</summary>
public sealed class DuplicateCandidateException(string email) : Exception($"409 Conflict: a candidate with email {email} already exists");

/// <summary>The vacancy is closed; the message quotes the vacancy id.</summary>
public sealed class VacancyClosedException(string vacancyId) : Exception($"Vacancy {vacancyId} is closed to applications");

/// <summary>The ATS rate limit; a fixed text.</summary>
public sealed class AtsRateLimitedException() : Exception("429 Too Many Requests: retry after 30 seconds");
