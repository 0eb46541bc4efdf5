namespace Welfare.PlaySafe;

// A games studio's employability placements and its online casino's safer gambling checks.

/// <summary>A youth employment placement referred by the jobcentre. Prints placement id, NINO, participant's name, studio, role and weeks.</summary>
public sealed record YouthPlacement(string PlacementId, string Nino, string ParticipantName, string Studio, string Role, int Weeks);

/// <summary>A safer gambling referral to debt advice. Prints player id, email, the debt adviser's reference, losses in 30 days and trigger.</summary>
public sealed record SaferGamblingReferral(Guid PlayerId, string Email, string DebtAdviceReference, decimal LossesLast30Days, string Trigger);

/// <summary>An affordability check. Prints player id, whether on benefits and the band.</summary>
public sealed record AffordabilityCheck(Guid PlayerId, bool OnBenefits, string Band);

public interface IDebtAdvice
{
    Task<string> ReferAsync(SaferGamblingReferral referral, CancellationToken cancellationToken = default);
}

/// <summary>The player is self-excluded; quotes the player id.</summary>
public sealed class SelfExcludedException(Guid playerId) : Exception($"Player {playerId} is self-excluded");

/// <summary>The debt advice partner is down; quotes nothing personal.</summary>
public sealed class DebtAdviceUnavailableException(int status) : Exception($"Debt advice partner returned {status}");
