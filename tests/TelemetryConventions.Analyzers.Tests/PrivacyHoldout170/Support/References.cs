namespace Recruitment.References;

// Referees and the references they give.

/// <summary>A referee. Prints name, email, phone, relationship and organisation type.</summary>
public sealed record Referee(string Name, string Email, string Phone, string Relationship, string OrganisationType);

/// <summary>A reference request. Prints the request id, candidate id, referee and form link.</summary>
public sealed record ReferenceRequest(string RequestId, string CandidateId, Referee Referee, string FormLink);

/// <summary>A returned reference. Prints request id, relationship, the referee's comments and the rating.</summary>
public sealed record ReferenceReceived(string RequestId, string Relationship, string Comments, int Rating);

/// <summary>The outcome of a reference: request id, whether satisfactory, days to return; names no one.</summary>
public sealed record ReferenceOutcome(string RequestId, bool Satisfactory, int DaysToReturn);

public interface IReferenceStore
{
    Task<ReferenceRequest?> FindAsync(string requestId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReferenceRequest>> OutstandingAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(ReferenceReceived reference, CancellationToken cancellationToken = default);
}

/// <summary>The reference email bounced; the message quotes the referee's address.</summary>
public sealed class ReferenceBouncedException(string refereeEmail) : Exception($"550 mailbox unavailable: {refereeEmail}");
