namespace Bank.Cards;

// Debit cards, freezes and disputes as the card processor exposes them. Records print their members.

/// <summary>A debit card. Prints card reference, PAN, last four, account number, status and expiry.</summary>
public sealed record DebitCard(string CardReference, string Pan, string LastFour, string AccountNumber, string Status, string Expiry);

/// <summary>A freeze or unfreeze. Prints card reference, whether frozen, the reason code and the channel.</summary>
public sealed record CardFreeze(string CardReference, bool Frozen, string ReasonCode, string Channel);

/// <summary>A dispute. Prints dispute id, PAN, account number, merchant, amount, reason code and the customer's own account of what happened.</summary>
public sealed record CardDispute(string DisputeId, string Pan, string AccountNumber, string Merchant, decimal Amount, string ReasonCode, string CustomerStatement);

/// <summary>The scheme's answer to a chargeback. Prints dispute id, scheme, status and the scheme's reason code.</summary>
public sealed record ChargebackStatus(string DisputeId, string Scheme, string Status, string SchemeReasonCode);

public interface ICardProcessor
{
    Task<DebitCard?> FindAsync(string cardReference, CancellationToken cancellationToken = default);

    Task<DebitCard?> FindByPanAsync(string pan, CancellationToken cancellationToken = default);

    Task SetFrozenAsync(string cardReference, bool frozen, CancellationToken cancellationToken = default);

    Task<ChargebackStatus> RaiseChargebackAsync(CardDispute dispute, CancellationToken cancellationToken = default);
}

/// <summary>No card with that number; quotes the PAN.</summary>
public sealed class CardNotFoundException(string pan) : Exception($"No card {pan}");

/// <summary>The dispute window closed; quotes the dispute id and the date it closed.</summary>
public sealed class DisputeWindowClosedException(string disputeId, DateOnly closedOn) : Exception($"Dispute {disputeId}: window closed on {closedOn:yyyy-MM-dd}");

/// <summary>The card processor timed out; quotes the endpoint and the wait.</summary>
public sealed class ProcessorTimeoutException(string endpoint, TimeSpan waited) : Exception($"Card processor {endpoint} did not answer in {waited.TotalSeconds:0}s");
