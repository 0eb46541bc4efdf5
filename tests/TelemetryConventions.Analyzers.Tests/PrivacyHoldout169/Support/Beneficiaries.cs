namespace Fundraising.Beneficiaries;

// The people a charity helps and the grants it makes them.

/// <summary>A beneficiary. Prints beneficiary reference, full name, email, postcode and the need written by the caseworker.</summary>
public sealed record Beneficiary(string BeneficiaryRef, string FullName, string Email, string Postcode, string Need);

/// <summary>A grant award. Prints award id, beneficiary reference, amount and fund.</summary>
public sealed record GrantAward(string AwardId, string BeneficiaryRef, decimal Amount, string Fund);

/// <summary>The panel's decision: award id, outcome and fund; names no one.</summary>
public sealed record AwardDecision(string AwardId, string Outcome, string Fund);

public interface IGrantPanel
{
    Task<AwardDecision> DecideAsync(GrantAward award, CancellationToken cancellationToken = default);
}

/// <summary>The applicant fails a rule; quotes a fund and a rule code.</summary>
public sealed class IneligibleException(string fund, string ruleCode) : Exception($"Not eligible for {fund}: rule {ruleCode}");

/// <summary>A safeguarding flag stops the payment; quotes the beneficiary reference.</summary>
public sealed class BeneficiaryFlaggedException(string beneficiaryRef) : Exception($"Beneficiary {beneficiaryRef} is under a safeguarding hold");
