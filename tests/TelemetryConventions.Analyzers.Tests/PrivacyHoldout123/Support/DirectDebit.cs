namespace DirectDebit;

// A direct debit provider's client in the shape of GoCardless' .NET client: customers, customer bank
// accounts, mandates (MD…), payments (PM…), refunds (RF…) and webhook events (EV…) with their cause
// and the scheme's reason code. Amounts are in minor units (pence, cents).

public sealed class Customer
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? CompanyName { get; init; }

    public Dictionary<string, string> Metadata { get; } = new();
}

/// <summary>Bank details as the payer enters them on the mandate form.</summary>
public sealed record BankDetails(string AccountHolderName, string SortCode, string AccountNumber, string? Iban = null);

public sealed class CustomerBankAccount
{
    public required string Id { get; init; }

    public required string AccountHolderName { get; init; }

    /// <summary>The last two digits of the account number, as the provider returns it.</summary>
    public required string AccountNumberEnding { get; init; }

    public string BankName { get; init; } = string.Empty;

    public string CountryCode { get; init; } = "GB";

    public string Currency { get; init; } = "GBP";
}

public sealed class Mandate
{
    public required string Id { get; init; }

    /// <summary>The reference printed on the payer's bank statement.</summary>
    public required string Reference { get; init; }

    public string Status { get; set; } = "pending_submission";

    public string Scheme { get; init; } = "bacs";

    public DateOnly? NextPossibleChargeDate { get; init; }

    public required string CustomerBankAccountId { get; init; }

    public Dictionary<string, string> Metadata { get; } = new();
}

public sealed class Payment
{
    public required string Id { get; init; }

    public int Amount { get; init; }

    public string Currency { get; init; } = "GBP";

    public DateOnly ChargeDate { get; init; }

    public string? Reference { get; init; }

    public string Status { get; set; } = "pending_submission";

    public required string MandateId { get; init; }

    public Dictionary<string, string> Metadata { get; } = new();
}

public sealed class Refund
{
    public required string Id { get; init; }

    public int Amount { get; init; }

    public required string PaymentId { get; init; }

    public string? Reference { get; init; }

    public Dictionary<string, string> Metadata { get; } = new();
}

public sealed record MandateRequest(string CustomerId, BankDetails BankDetails, string? Reference, Dictionary<string, string> Metadata);

public sealed record PaymentRequest(int Amount, string Currency, string MandateId, DateOnly? ChargeDate, string? Reference, Dictionary<string, string> Metadata);

public sealed record RefundRequest(int Amount, string PaymentId, int TotalAmountConfirmation, string? Reference, Dictionary<string, string> Metadata);

public sealed class EventDetails
{
    public required string Cause { get; init; }

    /// <summary>The provider's fixed description of the cause.</summary>
    public required string Description { get; init; }

    public string Origin { get; init; } = "bank";

    /// <summary>The scheme's reason code (ARUDD, ADDACS, SEPA R-codes).</summary>
    public string? ReasonCode { get; init; }
}

public sealed class WebhookEvent
{
    public required string Id { get; init; }

    public required string ResourceType { get; init; }

    public required string Action { get; init; }

    public required EventDetails Details { get; init; }

    /// <summary>Ids of the resources the event is about: mandate, payment, refund, customer.</summary>
    public Dictionary<string, string> Links { get; } = new();

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record ApiError(string Field, string Message, string RequestPointer);

/// <summary>The provider refused a request: a type, a code, its own message and the fields at fault.</summary>
public sealed class DirectDebitApiException(string type, string code, string message, IReadOnlyList<ApiError> errors, string requestId)
    : Exception(message)
{
    public string Type { get; } = type;

    public string Code { get; } = code;

    public IReadOnlyList<ApiError> Errors { get; } = errors;

    public string RequestId { get; } = requestId;
}

public interface IDirectDebitClient
{
    Task<Customer> GetCustomerAsync(string id, CancellationToken cancellationToken = default);

    Task<CustomerBankAccount> GetBankAccountAsync(string id, CancellationToken cancellationToken = default);

    Task<Mandate> CreateMandateAsync(MandateRequest request, CancellationToken cancellationToken = default);

    Task<Mandate> GetMandateAsync(string id, CancellationToken cancellationToken = default);

    Task<Payment> CreatePaymentAsync(PaymentRequest request, CancellationToken cancellationToken = default);

    Task<Payment> GetPaymentAsync(string id, CancellationToken cancellationToken = default);

    Task<Refund> CreateRefundAsync(RefundRequest request, CancellationToken cancellationToken = default);
}
