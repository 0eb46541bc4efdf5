namespace Bank.Payments;

// Payees, confirmation of payee, standing orders and faster payments. Records print their members.

/// <summary>A payee. Prints payee id, name, sort code, account number and the reference the customer typed.</summary>
public sealed record Payee(string PayeeId, string Name, string SortCode, string AccountNumber, string Reference);

/// <summary>A confirmation-of-payee answer. Prints the match code, the name the other bank holds, and whether the account is a business one.</summary>
public sealed record CopResult(string MatchCode, string? SuggestedName, bool BusinessAccount);

/// <summary>A standing order. Prints id, the paying account number, payee id, amount, frequency and next date.</summary>
public sealed record StandingOrder(string StandingOrderId, string FromAccountNumber, string PayeeId, decimal Amount, string Frequency, DateOnly NextDate);

/// <summary>A scam warning shown before a payment. Prints warning id, scam type, the payment's purpose and whether the customer went on.</summary>
public sealed record ScamWarning(string WarningId, string ScamType, string PaymentPurpose, bool Proceeded);

public interface IConfirmationOfPayee
{
    Task<CopResult> CheckAsync(string name, string sortCode, string accountNumber, CancellationToken cancellationToken = default);
}

public interface IPaymentsGateway
{
    Task<string> SendFasterPaymentAsync(string fromAccountNumber, Payee payee, decimal amount, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StandingOrder>> DueStandingOrdersAsync(DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>Faster Payments rejected the payment; quotes the scheme's reason code.</summary>
public sealed class PaymentRejectedException(string reasonCode) : Exception($"Payment rejected by the scheme with code {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The payee's name did not match; quotes the name typed and the name the other bank holds.</summary>
public sealed class PayeeNameMismatchException(string typedName, string suggestedName) : Exception($"Payee name '{typedName}' does not match; the account is held by '{suggestedName}'");

/// <summary>A standing order was skipped; quotes the standing order id and the date.</summary>
public sealed class StandingOrderSkippedException(string standingOrderId, DateOnly day) : Exception($"Standing order {standingOrderId} skipped on {day:yyyy-MM-dd}");
