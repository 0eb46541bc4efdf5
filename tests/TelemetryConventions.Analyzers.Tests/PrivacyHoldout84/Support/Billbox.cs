namespace Billbox;

// A Stripe-like billing SDK, reduced to the objects and calls the services use. Ids carry the
// provider's prefixes: cus_ (a customer: a person), sub_, si_, in_, pm_, price_, prod_, promo_,
// cn_, re_, evt_ (things).

public sealed record Address(string Line1, string? Line2, string City, string PostalCode, string Country, string? State = null);

public sealed record TaxId(string Type, string Value, string Verification = "unverified");

public sealed record BillingDetails(string? Name, string? Email, string? Phone, Address? Address);

/// <summary>A customer object. A class: printed it shows its type name only.</summary>
public sealed class Customer
{
    public required string Id { get; init; }

    public string? Email { get; init; }

    public string? Name { get; init; }

    public string? Phone { get; init; }

    public Address? Address { get; init; }

    public IReadOnlyList<TaxId> TaxIds { get; init; } = [];

    public string? DefaultPaymentMethodId { get; init; }

    public string? PreferredLocale { get; init; }

    public string TaxExempt { get; init; } = "none";

    public Dictionary<string, string> Metadata { get; init; } = new();

    public bool Livemode { get; init; }
}

public sealed record Price(string Id, string ProductId, string Nickname, long UnitAmount, string Currency, string Interval, int IntervalCount = 1);

public sealed record SubscriptionItem(string Id, Price Price, int Quantity);

/// <summary>Why a subscription was cancelled: Reason and Feedback are closed enums, Comment is what the customer typed.</summary>
public sealed record CancellationDetails(string? Reason, string? Feedback, string? Comment);

public sealed class Subscription
{
    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    public string Status { get; init; } = "active";

    public List<SubscriptionItem> Items { get; init; } = [];

    public DateTimeOffset CurrentPeriodStart { get; init; }

    public DateTimeOffset CurrentPeriodEnd { get; init; }

    public DateTimeOffset? TrialEnd { get; init; }

    public bool CancelAtPeriodEnd { get; init; }

    public DateTimeOffset? CanceledAt { get; init; }

    public CancellationDetails? CancellationDetails { get; init; }

    public string? DefaultPaymentMethodId { get; init; }

    public string? LatestInvoiceId { get; init; }

    public Discount? Discount { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = new();
}

public sealed record InvoiceLine(string Id, string PriceId, string Description, long Amount, bool Proration, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);

/// <summary>An invoice. A positional record: printed it shows every member, the customer's email, name and address included.</summary>
public sealed record Invoice(
    string Id,
    string? Number,
    string CustomerId,
    string? CustomerEmail,
    string? CustomerName,
    Address? CustomerAddress,
    string? SubscriptionId,
    long AmountDue,
    long AmountPaid,
    long Tax,
    string Currency,
    string Status,
    int AttemptCount,
    DateTimeOffset? NextPaymentAttempt,
    string BillingReason,
    IReadOnlyList<InvoiceLine> Lines);

public sealed record CardDetails(string Brand, string Last4, int ExpMonth, int ExpYear, string Country);

public sealed record PaymentMethod(string Id, string Type, CardDetails? Card, BillingDetails BillingDetails);

public sealed record Coupon(string Id, string Name, decimal? PercentOff, long? AmountOff, string Duration, int? DurationInMonths = null);

/// <summary>A promotion code: a campaign's public code, or a customer's own referral code (then restricted to that customer's invitees).</summary>
public sealed record PromotionCode(string Id, string Code, Coupon Coupon, string? OwnerCustomerId, int TimesRedeemed, bool Active);

public sealed record Discount(string Id, Coupon Coupon, string? PromotionCodeId, DateTimeOffset Start);

public sealed record CreditNote(string Id, string Number, string InvoiceId, long Amount, string Currency, string Reason, string? Memo);

public sealed record Refund(string Id, string PaymentIntentId, long Amount, string Currency, string Reason, string Status);

public sealed record SubscriptionUpdate(string NewPriceId, string ProrationBehavior, DateTimeOffset? ProrationDate, string? PromotionCodeId = null);

public sealed record WebhookEvent(string Id, string Type, DateTimeOffset Created, string ApiVersion, string RawJson, object DataObject, IReadOnlyDictionary<string, object?> PreviousAttributes);

public class BillboxException(string message, int httpStatus, string? code) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public string? Code { get; } = code;

    public string RequestId { get; init; } = "req_" + Guid.NewGuid().ToString("N")[..14];
}

/// <summary>A declined card. The message is the provider's fixed text ("Your card was declined.").</summary>
public sealed class CardException(string message, string declineCode, string? chargeId) : BillboxException(message, 402, "card_declined")
{
    public string DeclineCode { get; } = declineCode;

    public string? ChargeId { get; } = chargeId;
}

/// <summary>A bad request. For a missing object the message quotes its id: "No such customer: 'cus_…'".</summary>
public sealed class InvalidRequestException(string message, string? param) : BillboxException(message, 400, "resource_missing")
{
    public string? Param { get; } = param;
}

public sealed class SignatureVerificationException(string sigHeader)
    : BillboxException("No signatures found matching the expected signature for payload", 400, null)
{
    public string SigHeader { get; } = sigHeader;
}

public static class Webhooks
{
    public static WebhookEvent ConstructEvent(string json, string signatureHeader, string secret)
    {
        if (string.IsNullOrEmpty(signatureHeader) || secret.Length == 0)
        {
            throw new SignatureVerificationException(signatureHeader);
        }
        return new WebhookEvent("evt_" + json.Length, "unknown", DateTimeOffset.UtcNow, "2024-06-20", json, new object(), new Dictionary<string, object?>());
    }
}

public sealed class BillboxClient
{
    public Task<Customer> GetCustomerAsync(string customerId, CancellationToken ct = default) =>
        customerId.StartsWith("cus_", StringComparison.Ordinal)
            ? Task.FromResult(new Customer { Id = customerId })
            : throw new InvalidRequestException($"No such customer: '{customerId}'", "customer");

    public Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken ct = default) =>
        Task.FromResult(new Subscription { Id = subscriptionId, CustomerId = "cus_0" });

    public Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, SubscriptionUpdate update, CancellationToken ct = default) =>
        Task.FromResult(new Subscription { Id = subscriptionId, CustomerId = "cus_0" });

    public Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationDetails details, bool atPeriodEnd, CancellationToken ct = default) =>
        Task.FromResult(new Subscription { Id = subscriptionId, CustomerId = "cus_0", CancellationDetails = details, CancelAtPeriodEnd = atPeriodEnd });

    public Task<Invoice> PreviewInvoiceAsync(string customerId, string subscriptionId, SubscriptionUpdate update, CancellationToken ct = default) =>
        Task.FromResult(new Invoice("upcoming", null, customerId, null, null, null, subscriptionId, 0, 0, 0, "gbp", "draft", 0, null, "subscription_update", []));

    public Task<Invoice> PayInvoiceAsync(string invoiceId, CancellationToken ct = default) =>
        Task.FromResult(new Invoice(invoiceId, "INV-0001", "cus_0", null, null, null, null, 0, 0, 0, "gbp", "paid", 1, null, "subscription_cycle", []));

    public Task<PaymentMethod> GetPaymentMethodAsync(string paymentMethodId, CancellationToken ct = default) =>
        Task.FromResult(new PaymentMethod(paymentMethodId, "card", new CardDetails("visa", "4242", 12, 2027, "GB"), new BillingDetails(null, null, null, null)));

    public Task<PromotionCode?> FindPromotionCodeAsync(string code, CancellationToken ct = default) =>
        Task.FromResult<PromotionCode?>(null);

    public Task<CreditNote> CreateCreditNoteAsync(string invoiceId, long amount, string reason, string? memo, CancellationToken ct = default) =>
        Task.FromResult(new CreditNote("cn_1", "CN-0001", invoiceId, amount, "gbp", reason, memo));

    public Task<Refund> CreateRefundAsync(string paymentIntentId, long amount, string reason, CancellationToken ct = default) =>
        Task.FromResult(new Refund("re_1", paymentIntentId, amount, "gbp", reason, "succeeded"));

    public Task<Customer> UpdateCustomerAsync(string customerId, BillingDetails details, CancellationToken ct = default) =>
        Task.FromResult(new Customer { Id = customerId, Email = details.Email, Name = details.Name, Address = details.Address });
}
