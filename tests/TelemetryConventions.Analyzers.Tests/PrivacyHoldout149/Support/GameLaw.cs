namespace Justice.Games;

// A game studio's legal desk: court production orders for player records, an esports integrity
// tribunal and county court claims over chargebacks.

/// <summary>A production order. Prints order ref, issuing court, the officer's email, the player's id, gamertag and email and the period.</summary>
public sealed record ProductionOrder(string OrderRef, string IssuingCourt, string OfficerEmail, Guid PlayerId, string Gamertag, string Email, DateOnly From, DateOnly To);

/// <summary>The sealed disclosure. Prints order ref, records, bytes and the package's digest.</summary>
public sealed record DisclosurePackage(string OrderRef, int RecordCount, long Bytes, string PackageDigest);

public interface IDisclosureVault
{
    Task<DisclosurePackage> SealAsync(ProductionOrder order, CancellationToken cancellationToken = default);
}

/// <summary>The order names a jurisdiction the studio does not answer to; quotes order and jurisdiction.</summary>
public sealed class OrderOutOfScopeException(string orderRef, string jurisdiction) : Exception($"Order {orderRef} from {jurisdiction} is out of scope");

/// <summary>No account with that gamertag; quotes it.</summary>
public sealed class PlayerNotFoundException(string gamertag) : Exception($"No account with gamertag {gamertag}");

/// <summary>An integrity charge. Prints case id, the player's id and gamertag, team, offence and the panel's notes.</summary>
public sealed record IntegrityCharge(string CaseId, Guid PlayerId, string Gamertag, string Team, string Offence, string PanelNotes);

/// <summary>The tribunal's ruling. Prints case id, sanction, ban days and whether it can be appealed.</summary>
public sealed record TribunalRuling(string CaseId, string Sanction, int BanDays, bool Appealable);

/// <summary>A chargeback the studio claims back. Prints claim id, the player's id, billing email, the card's last four, amount and title.</summary>
public sealed record ChargebackClaim(string ClaimId, Guid PlayerId, string BillingEmail, string CardLast4, decimal Amount, string Title);

public interface IIntegrityPanel
{
    Task<TribunalRuling> HearAsync(IntegrityCharge charge, CancellationToken cancellationToken = default);
}

public interface ISmallClaimsClient
{
    Task<string> FileAsync(ChargebackClaim claim, CancellationToken cancellationToken = default);
}
