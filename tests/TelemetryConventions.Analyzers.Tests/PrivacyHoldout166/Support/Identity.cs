namespace Wagering.Identity;

// Identity and age verification.

/// <summary>An identity check. Prints check id, document number, document type, full name, date of birth and outcome.</summary>
public sealed record IdentityCheck(string CheckId, string DocumentNumber, string DocumentType, string FullName, DateOnly DateOfBirth, string Outcome);

/// <summary>The verifier's answer: outcome, whether over 18, age band and score; names no one.</summary>
public sealed record AgeVerdict(string Outcome, bool Over18, string AgeBand, int Score);

public interface IIdentityVerifier
{
    Task<IdentityCheck> VerifyAsync(string documentNumber, string fullName, DateOnly dateOfBirth, CancellationToken cancellationToken = default);

    Task<AgeVerdict> AgeAsync(string fullName, DateOnly dateOfBirth, string postcode, CancellationToken cancellationToken = default);
}

/// <summary>The document does not match the account; quotes the document number.</summary>
public sealed class IdentityMismatchException(string documentNumber) : Exception($"Document {documentNumber} does not match the account");

/// <summary>The verifier timed out; quotes nothing.</summary>
public sealed class VerifierTimeoutException() : Exception("Identity verifier timed out");
