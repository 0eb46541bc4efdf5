namespace ClubHub.Billing;

// The shapes of a Bacs direct debit provider as the membership services use it. Records print their members.

/// <summary>A payer's bank details. Prints holder name, sort code and account number.</summary>
public sealed record BankDetails(string AccountHolderName, string SortCode, string AccountNumber);

/// <summary>A mandate to set up. Prints the provider customer, the bank details and the reference.</summary>
public sealed record MandateRequest(string CustomerId, BankDetails Bank, string Reference);

/// <summary>A mandate. Prints mandate id, the provider's customer id (`CU…`), status and next possible charge date.</summary>
public sealed record Mandate(string MandateId, string CustomerId, string Status, DateOnly NextPossibleChargeDate);

/// <summary>A payment collected or to be collected. Prints payment id, mandate id, amount, charge date and status.</summary>
public sealed record PaymentCollection(string PaymentId, string MandateId, decimal Amount, DateOnly ChargeDate, string Status);

/// <summary>A failed collection from the provider's webhook. Prints payment id, mandate id, Bacs reason code and the provider's fixed description.</summary>
public sealed record FailedCollection(string PaymentId, string MandateId, string ReasonCode, string Description);

public interface IDirectDebitProvider
{
    Task<string> CreateCustomerAsync(string givenName, string familyName, string email, CancellationToken cancellationToken = default);

    Task<Mandate> CreateMandateAsync(MandateRequest request, CancellationToken cancellationToken = default);

    Task<PaymentCollection> CollectAsync(string mandateId, decimal amount, string reference, CancellationToken cancellationToken = default);

    Task CancelMandateAsync(string mandateId, CancellationToken cancellationToken = default);
}

/// <summary>The bank details failed the modulus check; quotes sort code and account number.</summary>
public sealed class BankDetailsInvalidException(string sortCode, string accountNumber) : Exception($"Account {sortCode} {accountNumber} failed the modulus check")
{
    public string SortCode { get; } = sortCode;
}

/// <summary>The provider answered with an error; quotes its status and error code.</summary>
public sealed class DirectDebitApiException(int status, string code) : Exception($"Direct debit provider returned {status} ({code})")
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}

/// <summary>A collection failed; quotes the payment id and the Bacs reason code.</summary>
public sealed class PaymentFailedException(string paymentId, string reasonCode) : Exception($"Payment {paymentId} failed: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}
