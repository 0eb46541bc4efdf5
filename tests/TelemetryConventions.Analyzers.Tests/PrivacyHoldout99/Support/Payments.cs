namespace PayKit;

// Stand-ins in the shape of a card payment provider's .NET SDK (Stripe-like objects, a client per
// resource, errors with a code, a decline code and the provider's message). Only the shapes matter.

public sealed record Address(string? Line1, string? Line2, string? City, string? PostalCode, string? Country);

public sealed record BillingDetails(string? Name, string? Email, string? Phone, Address? Address);

public sealed record WalletDetails(string Type, string? DynamicLast4);

public sealed record CardDetails(
    string Brand,
    string Last4,
    long ExpMonth,
    long ExpYear,
    string Funding,
    string? Country,
    string Fingerprint,
    WalletDetails? Wallet,
    string? NetworkTransactionId);

public sealed record PaymentMethod(string Id, string Type, CardDetails? Card, BillingDetails BillingDetails, string? CustomerId);

public sealed record PaymentIntent(
    string Id,
    long Amount,
    string Currency,
    string Status,
    string? CustomerId,
    string? PaymentMethodId,
    string? LatestChargeId,
    string? ReceiptEmail,
    string? Description,
    string? StatementDescriptor,
    IReadOnlyDictionary<string, string> Metadata,
    PaymentError? LastPaymentError);

public sealed record PaymentError(string Code, string? DeclineCode, string Message, string? Param);

public sealed record Charge(
    string Id,
    string PaymentIntentId,
    long Amount,
    long AmountRefunded,
    string Currency,
    string? CustomerId,
    string? ReceiptNumber,
    string? ReceiptUrl,
    string? ReceiptEmail,
    BillingDetails BillingDetails,
    CardDetails? Card,
    string? AuthorizationCode,
    string? OutcomeType,
    int? RiskScore);

public sealed record Refund(string Id, string ChargeId, long Amount, string Currency, string Reason, string Status, IReadOnlyDictionary<string, string> Metadata);

public sealed record DisputeEvidence(
    string? CustomerEmailAddress,
    string? CustomerName,
    string? CustomerPurchaseIp,
    string? BillingAddress,
    string? ProductDescription,
    string? ServiceDate,
    string? UncategorizedText);

public sealed record Dispute(
    string Id,
    string ChargeId,
    long Amount,
    string Currency,
    string Reason,
    string Status,
    string? NetworkReasonCode,
    DateTimeOffset EvidenceDueBy,
    DisputeEvidence Evidence);

public sealed record Customer(string Id, string? Email, string? Name, string? Phone, IReadOnlyDictionary<string, string> Metadata);

public sealed record Invoice(
    string Id,
    string? Number,
    string CustomerId,
    string? CustomerEmail,
    long AmountDue,
    string Currency,
    string Status,
    int AttemptCount,
    DateTimeOffset? NextPaymentAttempt,
    string? HostedInvoiceUrl,
    string? SubscriptionId);

public sealed class RequestOptions
{
    public string? IdempotencyKey { get; init; }

    public string? StripeAccount { get; init; }
}

public sealed class PaymentIntentCreateOptions
{
    public long Amount { get; init; }

    public string Currency { get; init; } = "gbp";

    public string? Customer { get; init; }

    public string? PaymentMethod { get; init; }

    public string? ReceiptEmail { get; init; }

    public string? Description { get; init; }

    public bool Confirm { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = new();
}

public sealed class RefundCreateOptions
{
    public string? PaymentIntent { get; init; }

    public long? Amount { get; init; }

    public string Reason { get; init; } = "requested_by_customer";

    public Dictionary<string, string> Metadata { get; init; } = new();
}

/// <summary>The provider's error. Its message is the provider's text, which for some codes quotes the value sent.</summary>
public class PaymentProviderException(string code, string message, string? declineCode = null, string? param = null, string? requestId = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? DeclineCode { get; } = declineCode;

    public string? Param { get; } = param;

    public string? RequestId { get; } = requestId;

    public int HttpStatus { get; init; } = 402;
}

/// <summary>A card error: the provider's fixed text for the decline ("Your card was declined.").</summary>
public sealed class CardDeclinedException(string declineCode, string? requestId)
    : PaymentProviderException("card_declined", "Your card was declined.", declineCode, null, requestId);

/// <summary>resource_missing: "No such customer: 'cus_…'", quoting the id that was sent.</summary>
public sealed class ResourceMissingException(string resource, string id)
    : PaymentProviderException("resource_missing", $"No such {resource}: '{id}'", null, resource)
{
    public string Resource { get; } = resource;
}

public sealed class RateLimitException(string? requestId)
    : PaymentProviderException("rate_limit", "Too many requests hit the API too quickly.", null, null, requestId)
{
}

public interface IPaymentIntentClient
{
    Task<PaymentIntent> CreateAsync(PaymentIntentCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    Task<PaymentIntent> ConfirmAsync(string id, string paymentMethodId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    Task<PaymentIntent> GetAsync(string id, CancellationToken cancellationToken = default);
}

public interface IChargeClient
{
    Task<Charge> GetAsync(string id, CancellationToken cancellationToken = default);
}

public interface IRefundClient
{
    Task<Refund> CreateAsync(RefundCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

public interface IDisputeClient
{
    Task<Dispute> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Dispute> SubmitEvidenceAsync(string id, DisputeEvidence evidence, CancellationToken cancellationToken = default);
}

public interface ICustomerClient
{
    Task<Customer> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Customer> CreateAsync(string email, string? name, IDictionary<string, string> metadata, CancellationToken cancellationToken = default);
}

public interface IInvoiceClient
{
    Task<Invoice> PayAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    Task<Invoice> GetAsync(string id, CancellationToken cancellationToken = default);
}
