namespace PressKit.Payouts;

/// <summary>A payee of the payout provider: a creator, author or photographer paid by the organisation. Prints its members.</summary>
public sealed record Payee(string PayeeId, string LegalName, string Email, string TaxId, string Country);

/// <summary>One payment in a batch. Prints its members.</summary>
public sealed record PayoutLine(string PayeeId, decimal Amount, string Currency, string Period);

/// <summary>A batch of payments. Prints its members; the lines list prints as its type's name.</summary>
public sealed record PayoutBatch(string BatchId, string Period, List<PayoutLine> Lines, decimal Total);

/// <summary>The provider's answer to a batch. Prints its members.</summary>
public sealed record PayoutBatchResult(string BatchId, string ProviderRef, int Accepted, int Rejected);

/// <summary>A royalty statement for one rights holder. Prints its members.</summary>
public sealed record RoyaltyStatement(string StatementId, string PayeeId, string WorkId, string Period, int UnitsSold, decimal Royalty);

public interface IPayoutClient
{
    Task<PayoutBatchResult> SubmitAsync(PayoutBatch batch, CancellationToken cancellationToken = default);

    Task<Payee?> GetPayeeAsync(string payeeId, CancellationToken cancellationToken = default);
}

/// <summary>The provider refused one payee; quotes the payee and the reason code.</summary>
public sealed class PayoutRejectedException(string payeeId, string reason)
    : Exception($"Payee {payeeId} rejected: {reason}")
{
    public string PayeeId { get; } = payeeId;

    public string Reason { get; } = reason;
}

/// <summary>The provider's API failed; quotes the HTTP status and the error code.</summary>
public sealed class PayoutApiException(int status, string code)
    : Exception($"Payout API returned {status} ({code})")
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
