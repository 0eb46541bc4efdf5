namespace BankFeeds;

// Bank statement feeds in the shape of ISO 20022 camt.053 (entries with an end-to-end id, the debtor's
// name and account and the unstructured remittance information the payer typed), and an outbound
// Faster Payments client with Confirmation of Payee.

public sealed record StatementEntry(
    string EntryReference,
    decimal Amount,
    string Currency,
    DateOnly BookingDate,
    string BankTransactionCode,
    string? EndToEndId,
    string? DebtorName,
    string? DebtorAccount,
    string? RemittanceInformation,
    string? CreditorReference);

public sealed class BankStatement
{
    public required string StatementId { get; init; }

    /// <summary>The organisation's own account the statement is for.</summary>
    public required string AccountIban { get; init; }

    public DateOnly Date { get; init; }

    public decimal OpeningBalance { get; init; }

    public decimal ClosingBalance { get; init; }

    public List<StatementEntry> Entries { get; } = new();
}

public enum MatchConfidence
{
    None,
    Low,
    High,
    Exact,
}

public sealed record MatchResult(string EntryReference, string? DocumentNumber, MatchConfidence Confidence, decimal Difference, string Rule);

public interface IBankFeed
{
    Task<BankStatement> LatestAsync(string accountIban, CancellationToken cancellationToken = default);
}

/// <summary>A payment out to a payee's account.</summary>
public sealed record OutboundPayment(string PayeeName, string SortCode, string AccountNumber, decimal Amount, string Reference);

public sealed record PaymentSubmission(string SubmissionId, string Status, DateTimeOffset AcceptedAt);

/// <summary>The answer of a Confirmation of Payee check: whether the name matches the account's holder.</summary>
public sealed class PayeeCheckResult
{
    public required string Result { get; init; }

    public string? ReasonCode { get; init; }

    /// <summary>On a close match, the name the account is actually held in.</summary>
    public string? SuggestedName { get; init; }
}

/// <summary>The bank rejected a payment; the message quotes the account it was sent to.</summary>
public sealed class PaymentRejectedException(string sortCode, string accountNumber, string reasonCode)
    : Exception($"Payment to {sortCode} {accountNumber} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

public interface IFasterPaymentsClient
{
    Task<PayeeCheckResult> ConfirmPayeeAsync(string name, string sortCode, string accountNumber, CancellationToken cancellationToken = default);

    Task<PaymentSubmission> SendAsync(OutboundPayment payment, CancellationToken cancellationToken = default);
}
