namespace PetCare.Insurance;

// The shapes of a pet insurer's claims gateway. Records print their members.

/// <summary>A pet insurance policy. Prints policy number, the policyholder's name, the pet's name, species, cover and excess.</summary>
public sealed record PetPolicy(string PolicyNumber, string PolicyholderName, string PetName, string Species, string Cover, decimal Excess);

/// <summary>A claim sent to the insurer. Prints claim id, policy number, pet id, condition code, amount and the clinical history typed by the vet.</summary>
public sealed record ClaimSubmission(string ClaimId, string PolicyNumber, Guid PetId, string ConditionCode, decimal Amount, string? ClinicalHistory);

/// <summary>The insurer's decision. Prints claim id, status, amount paid and reason code.</summary>
public sealed record ClaimDecision(string ClaimId, string Status, decimal Paid, string? ReasonCode);

public interface IInsurerGateway
{
    Task<PetPolicy?> PolicyAsync(string policyNumber, CancellationToken cancellationToken = default);

    Task<ClaimDecision> SubmitAsync(ClaimSubmission claim, CancellationToken cancellationToken = default);
}

/// <summary>The insurer has no such policy; quotes the policy number.</summary>
public sealed class PolicyNotFoundException(string policyNumber) : Exception($"No policy {policyNumber}");

/// <summary>The condition is excluded as pre-existing; quotes claim and condition code.</summary>
public sealed class PreExistingConditionException(string claimId, string conditionCode) : Exception($"Claim {claimId}: condition {conditionCode} is pre-existing")
{
    public string ConditionCode { get; } = conditionCode;
}

/// <summary>The insurer did not answer; quotes the insurer.</summary>
public sealed class InsurerUnavailableException(string insurer) : Exception($"Insurer {insurer} is unavailable");
