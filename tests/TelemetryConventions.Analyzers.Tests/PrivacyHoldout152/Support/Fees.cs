namespace EarlyYears.Fees;

// Fees: family accounts, invoices, Tax-Free Childcare payments and waiting list deposits.

/// <summary>A family's fee account. Prints account number, payer's name and email and the Tax-Free Childcare reference.</summary>
public sealed record FamilyAccount(string AccountNumber, string PayerName, string PayerEmail, string? TfcReference);

/// <summary>An invoice. Prints invoice id, account number, amount and due date.</summary>
public sealed record Invoice(string InvoiceId, string AccountNumber, decimal Amount, DateOnly DueOn);

/// <summary>A month's invoicing totals. Prints month, count and amount.</summary>
public sealed record InvoiceTotals(string Month, int Count, decimal Amount);

/// <summary>A payment from a child's Tax-Free Childcare account. Prints payment reference, the child's childcare account reference, amount and time.</summary>
public sealed record TfcPayment(string PaymentReference, string ChildcareAccountReference, decimal Amount, DateTimeOffset ReceivedAt);

/// <summary>A deposit to hold a place. Prints deposit id, the child's name, expected start, parent's email and amount.</summary>
public sealed record WaitingListDeposit(string DepositId, string ChildName, DateOnly ExpectedStart, string ParentEmail, decimal Amount);

/// <summary>The fees ledger and card gateway; not telemetry.</summary>
public interface IFeesLedger
{
    Task<FamilyAccount?> AccountAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<FamilyAccount?> ByTfcReferenceAsync(string childcareAccountReference, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Invoice>> DueAsync(string settingUrn, CancellationToken cancellationToken = default);

    Task AllocateAsync(string accountNumber, decimal amount, CancellationToken cancellationToken = default);

    Task<string> ChargeCardAsync(string payerEmail, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>A card was declined; quotes its last four and the reason code.</summary>
public sealed class CardDeclinedException(string lastFour, string reasonCode) : Exception($"Card ending {lastFour} declined: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>No family has the childcare account reference; quotes it.</summary>
public sealed class TfcReferenceUnknownException(string reference) : Exception($"No family with childcare account {reference}");

/// <summary>A family owes fees; quotes the account number and the amount.</summary>
public sealed class AccountInArrearsException(string accountNumber, decimal owed) : Exception($"Account {accountNumber} owes {owed:0.00}");
