namespace Welfare.Benefits;

// The benefits department's claimant records, as the partner services read them.

/// <summary>A claimant. Prints National Insurance number, claim reference, full name, email, mobile, date of birth, postcode and jobcentre.</summary>
public sealed record Claimant(string Nino, string ClaimReference, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode, string Jobcentre);

/// <summary>A Universal Credit claim. Prints claim reference, National Insurance number, standard allowance, status and household size.</summary>
public sealed record UniversalCreditClaim(string ClaimReference, string Nino, decimal StandardAllowance, string Status, int HouseholdSize);

/// <summary>The answer to a benefit check. Prints check id, the benefit found, whether in payment and the assessment period's end.</summary>
public sealed record BenefitCheck(string CheckId, string Benefit, bool InPayment, DateOnly PeriodEnd);

/// <summary>The benefits department's gateway; not telemetry.</summary>
public interface IBenefitsGateway
{
    Task<Claimant?> FindAsync(string nino, CancellationToken cancellationToken = default);

    Task<BenefitCheck> CheckAsync(string nino, DateOnly dateOfBirth, string familyName, CancellationToken cancellationToken = default);

    Task<UniversalCreditClaim?> ClaimAsync(string claimReference, CancellationToken cancellationToken = default);
}

/// <summary>No claimant was found; quotes the National Insurance number.</summary>
public sealed class ClaimantNotFoundException(string nino) : Exception($"No claimant with NINO {nino}");

/// <summary>A sanction is in force; quotes the claim reference and the reason code.</summary>
public sealed class SanctionInForceException(string claimReference, string reasonCode) : Exception($"Claim {claimReference} is sanctioned ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>A benefits system is down; quotes the system's name.</summary>
public sealed class BenefitSystemUnavailableException(string system) : Exception($"{system} is unavailable");

/// <summary>A GP's fit note sent with a claim. Prints fit note id, NINO, the patient's name and NHS number, the condition as the GP wrote it, the GP's GMC number, weeks unfit and whether the patient may be fit with adjustments.</summary>
public sealed record FitNote(string FitNoteId, string Nino, string PatientName, string NhsNumber, string Condition, string GpGmcNumber, int WeeksUnfit, bool MayBeFit);

/// <summary>The benefits department's fit note inbox; not telemetry.</summary>
public interface IFitNoteInbox
{
    Task<UniversalCreditClaim> SubmitAsync(FitNote fitNote, CancellationToken cancellationToken = default);
}
