namespace HireKit.Checks;

// Pre-employment checks: references requested from referees, and background screening
// (criminal record, right to work, qualifications) from a provider in the shape of the
// screening APIs (Certn, Sterling, uCheck).

/// <summary>A referee a candidate named on their application.</summary>
public sealed record Referee(string Name, string Email, string? Phone, string Organisation, string Relationship, bool MayContactBeforeOffer);

/// <summary>A reference request sent to a referee, with a link to the reference form.</summary>
public sealed record ReferenceRequest(string RequestId, long ApplicationId, Referee Referee, Uri FormLink, DateTimeOffset SentAt);

/// <summary>The referee's answers.</summary>
public sealed record ReferenceResponse(string RequestId, bool ConfirmsDates, bool WouldReemploy, int? SicknessDays, string? Comments, DateTimeOffset ReceivedAt);

/// <summary>A screening order for one candidate.</summary>
public sealed record ScreeningOrder(string Package, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string? PreviousNames);

/// <summary>A screening result; the reference is the provider's id of the check.</summary>
public sealed record ScreeningResult(string CheckReference, string Package, string Status, string Adjudication, DateTimeOffset? CompletedAt);

/// <summary>A disclosure certificate as the candidate gives its number.</summary>
public sealed record CertificateDetails(string CertificateNumber, string Workforce, DateOnly IssuedOn, bool OnUpdateService);

public interface IScreeningClient
{
    Task<ScreeningResult> OrderAsync(ScreeningOrder order, CancellationToken cancellationToken);

    Task<ScreeningResult> GetAsync(string checkReference, CancellationToken cancellationToken);

    Task<string> UpdateServiceStatusAsync(string certificateNumber, string familyName, DateOnly dateOfBirth, CancellationToken cancellationToken);
}

/// <summary>The provider's error: a code and a fixed description.</summary>
public sealed class ScreeningProviderException(string code, string description)
    : Exception($"{code}: {description}")
{
    public string Code { get; } = code;
}

/// <summary>A reference email bounced: the mail relay's message quotes the recipient.</summary>
public sealed class ReferenceBouncedException(string recipient, string reason)
    : Exception($"Delivery to {recipient} failed: {reason}")
{
    public string Reason { get; } = reason;
}
