namespace Rental.Claims;

// Damage claims and penalty charges passed on to renters.

/// <summary>A damage claim. Prints the claim id, agreement number, renter id, the renter's description, panel and estimate.</summary>
public sealed record DamageClaim(string ClaimId, string AgreementNumber, string RenterId, string Description, string Panel, decimal Estimate);

/// <summary>A claim's decision: claim id, panel, amount charged and status; names no one.</summary>
public sealed record ClaimDecision(string ClaimId, string Panel, decimal Charged, string Status);

public interface IDamageClaimStore
{
    Task<DamageClaim?> FindAsync(string claimId, CancellationToken cancellationToken = default);

    Task SaveAsync(ClaimDecision decision, CancellationToken cancellationToken = default);
}

/// <summary>The renter disputes the charge; the message quotes the agreement number.</summary>
public sealed class DamageDisputedException(string agreementNumber) : Exception($"Charge on agreement {agreementNumber} is disputed");

/// <summary>A penalty charge notice issued to a hire car. Prints the PCN number, fleet plate, council and amount.</summary>
public sealed record PenaltyCharge(string PcnNumber, string FleetPlate, string Council, decimal Amount, DateTimeOffset IssuedAt);
