namespace Settle.Payments;

// A payment service provider's refund API, a store credit ledger and a payout client.

public enum RefundDestination
{
    OriginalPayment,
    StoreCredit,
    BankTransfer,
    Wallet,
}

public sealed record RefundRequest(
    string PaymentId,
    decimal Amount,
    string Currency,
    RefundDestination Destination,
    string Reference,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>The provider's answer: a refund id, a status and an amount.</summary>
public sealed record RefundResult(string RefundId, string Status, decimal Amount, string Currency, DateTimeOffset CreatedAt);

/// <summary>The original payment as the provider holds it, with the card's holder.</summary>
public sealed record PaymentDetails(
    string PaymentId,
    string CardholderName,
    string CardLast4,
    string CardBrand,
    string CardFingerprint,
    string? PayerEmail,
    DateTimeOffset CapturedAt);

/// <summary>Bank details a person gives for a refund when the card is gone.</summary>
public sealed record BankDetails(string AccountName, string SortCode, string AccountNumber);

/// <summary>Store credit issued to a holder (a customer, a player, a passenger).</summary>
public sealed record StoreCredit(string CreditId, string HolderRef, decimal Amount, DateOnly ExpiresOn);

public interface IRefundGateway
{
    Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    Task<PaymentDetails> GetPaymentAsync(string paymentId, CancellationToken cancellationToken);

    Task<RefundResult> PayoutAsync(BankDetails bank, decimal amount, string reference, CancellationToken cancellationToken);
}

public interface IStoreCreditLedger
{
    Task<StoreCredit> IssueAsync(string holderRef, decimal amount, string reason, CancellationToken cancellationToken);
}

public sealed class RefundDeclinedException(string paymentId, string declineCode)
    : Exception($"Refund of payment {paymentId} declined: {declineCode}.")
{
    public string PaymentId { get; } = paymentId;

    public string DeclineCode { get; } = declineCode;
}

/// <summary>The card of the original payment is closed or expired: the provider names its holder.</summary>
public sealed class OriginalPaymentUnavailableException(string cardholderName, string cardLast4)
    : Exception($"Card ending {cardLast4} held by {cardholderName} can no longer receive refunds.")
{
    public string CardLast4 { get; } = cardLast4;
}

/// <summary>The payee's bank refused the payout: the message quotes the sort code and account number.</summary>
public sealed class PayoutRejectedException(string sortCode, string accountNumber, string reasonCode)
    : Exception($"Payout to {sortCode} {accountNumber} rejected ({reasonCode}).")
{
    public string ReasonCode { get; } = reasonCode;
}
