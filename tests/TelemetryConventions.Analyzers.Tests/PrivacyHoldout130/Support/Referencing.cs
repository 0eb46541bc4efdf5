namespace Homestead.Referencing;

// A tenant referencing agency's client: credit, employment and landlord references, guarantors.

public sealed record ReferencingRequest(string ApplicantId, string FullName, string Email, DateOnly DateOfBirth, string NationalInsuranceNumber, decimal AnnualIncome);

/// <summary>The agency's decision. Prints its members: the reference id, the outcome, the score and whether a guarantor is needed.</summary>
public sealed record ReferencingResult(string ReferenceId, string Outcome, int Score, bool GuarantorRequired, decimal AffordabilityRatio);

/// <summary>A guarantor. Prints its members: name, email, mobile and income.</summary>
public sealed record Guarantor(string FullName, string Email, string Mobile, decimal AnnualIncome, string Relationship);

public interface IReferencingClient
{
    Task<ReferencingResult> SubmitAsync(ReferencingRequest request, CancellationToken cancellationToken = default);

    Task<ReferencingResult> SubmitGuarantorAsync(string referenceId, Guarantor guarantor, CancellationToken cancellationToken = default);
}

/// <summary>The agency could not match the applicant; its message quotes the applicant's email and date of birth.</summary>
public sealed class IdentityMismatchException(string email, DateOnly dateOfBirth)
    : Exception($"No credit file matched {email} born {dateOfBirth:yyyy-MM-dd}")
{
    public string Code { get; } = "IDENTITY_MISMATCH";
}

/// <summary>The agency is unavailable; its message quotes the endpoint and the HTTP status.</summary>
public sealed class ReferencingUnavailableException(string endpoint, int status)
    : Exception($"Referencing API {endpoint} returned {status}")
{
    public int Status { get; } = status;
}
