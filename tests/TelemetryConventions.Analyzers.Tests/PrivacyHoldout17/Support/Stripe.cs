using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Stripe;

// Stand-ins for the shapes of Stripe.net that the services use. Only the shapes matter; the
// services never run against them.

public interface IHasId
{
    string Id { get; }
}

public interface IHasObject
{
    string Object { get; }
}

public abstract class StripeEntity : IHasId, IHasObject
{
    public string Id { get; set; } = string.Empty;

    public abstract string Object { get; }

    public Dictionary<string, string> Metadata { get; set; } = new();
}

public sealed class Event : IHasId
{
    public string Id { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public bool Livemode { get; set; }

    public string ApiVersion { get; set; } = string.Empty;

    public DateTime Created { get; set; }

    public string? Account { get; set; }

    public EventData Data { get; set; } = new();

    public EventRequest? Request { get; set; }
}

public sealed class EventData
{
    public IHasObject Object { get; set; } = null!;

    public Dictionary<string, object>? PreviousAttributes { get; set; }
}

public sealed class EventRequest
{
    public string? Id { get; set; }

    public string? IdempotencyKey { get; set; }
}

public static class EventTypes
{
    public const string PaymentIntentSucceeded = "payment_intent.succeeded";
    public const string PaymentIntentPaymentFailed = "payment_intent.payment_failed";
    public const string ChargeRefunded = "charge.refunded";
    public const string ChargeDisputeCreated = "charge.dispute.created";
    public const string CustomerUpdated = "customer.updated";
    public const string InvoicePaymentFailed = "invoice.payment_failed";
    public const string InvoicePaid = "invoice.paid";
    public const string PaymentMethodAutomaticallyUpdated = "payment_method.automatically_updated";
    public const string CustomerSubscriptionDeleted = "customer.subscription.deleted";
}

public static class EventUtility
{
    /// <summary>Parses the payload after checking the Stripe-Signature header (an HMAC-SHA256 of the payload with the endpoint's secret).</summary>
    public static Event ConstructEvent(string json, string stripeSignatureHeader, string secret, long tolerance = 300, bool throwOnApiVersionMismatch = true)
        => throw new StripeException("The signature for the webhook is not present in the Stripe-Signature header.");

    public static Event ParseEvent(string json, bool throwOnApiVersionMismatch = true) => new();
}

public sealed class Address
{
    public string? City { get; set; }

    public string? Country { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? PostalCode { get; set; }

    public string? State { get; set; }
}

public sealed class BillingDetails
{
    public Address Address { get; set; } = new();

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }
}

public sealed class PaymentMethodCard
{
    public string Brand { get; set; } = string.Empty;

    public string Last4 { get; set; } = string.Empty;

    public string Fingerprint { get; set; } = string.Empty;

    public string? Country { get; set; }

    public long ExpMonth { get; set; }

    public long ExpYear { get; set; }

    public string Funding { get; set; } = string.Empty;

    public string? Wallet { get; set; }
}

public sealed class ChargePaymentMethodDetails
{
    public string Type { get; set; } = "card";

    public PaymentMethodCard? Card { get; set; }
}

public sealed class ChargeOutcome
{
    public string? NetworkStatus { get; set; }

    public string? Reason { get; set; }

    public string? RiskLevel { get; set; }

    public long RiskScore { get; set; }

    public string? SellerMessage { get; set; }

    public string? Type { get; set; }
}

public sealed class Charge : StripeEntity
{
    public override string Object => "charge";

    public long Amount { get; set; }

    public long AmountRefunded { get; set; }

    public string Currency { get; set; } = "gbp";

    public string? CustomerId { get; set; }

    public string? PaymentIntentId { get; set; }

    public BillingDetails BillingDetails { get; set; } = new();

    public ChargePaymentMethodDetails PaymentMethodDetails { get; set; } = new();

    public string? ReceiptEmail { get; set; }

    public string? ReceiptNumber { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public ChargeOutcome? Outcome { get; set; }

    public bool Refunded { get; set; }

    public bool Disputed { get; set; }
}

public sealed class PaymentIntent : StripeEntity
{
    public override string Object => "payment_intent";

    public long Amount { get; set; }

    public long AmountReceived { get; set; }

    public string Currency { get; set; } = "gbp";

    public string? CustomerId { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? ReceiptEmail { get; set; }

    public string? Description { get; set; }

    public string? PaymentMethodId { get; set; }

    public string? LatestChargeId { get; set; }

    public string? ClientSecret { get; set; }

    public string? CancellationReason { get; set; }

    public StripeError? LastPaymentError { get; set; }
}

public sealed class Customer : StripeEntity
{
    public override string Object => "customer";

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public Address? Address { get; set; }

    public bool? Delinquent { get; set; }

    public string? InvoicePrefix { get; set; }
}

public sealed class InvoiceCustomerTaxId
{
    public string Type { get; set; } = string.Empty;

    public string? Value { get; set; }
}

public sealed class Invoice : StripeEntity
{
    public override string Object => "invoice";

    public string? Number { get; set; }

    public string? CustomerId { get; set; }

    public string? CustomerEmail { get; set; }

    public string? CustomerName { get; set; }

    public List<InvoiceCustomerTaxId>? CustomerTaxIds { get; set; }

    public long AmountDue { get; set; }

    public long AmountPaid { get; set; }

    public string Currency { get; set; } = "gbp";

    public string? Status { get; set; }

    public string? SubscriptionId { get; set; }

    public long AttemptCount { get; set; }

    public DateTime? NextPaymentAttempt { get; set; }

    public string? BillingReason { get; set; }

    public string? HostedInvoiceUrl { get; set; }
}

public sealed class Subscription : StripeEntity
{
    public override string Object => "subscription";

    public string? CustomerId { get; set; }

    public string Status { get; set; } = string.Empty;

    public DateTime CurrentPeriodEnd { get; set; }

    public bool CancelAtPeriodEnd { get; set; }

    public string? LatestInvoiceId { get; set; }
}

public sealed class Refund : StripeEntity
{
    public override string Object => "refund";

    public long Amount { get; set; }

    public string Currency { get; set; } = "gbp";

    public string? ChargeId { get; set; }

    public string? PaymentIntentId { get; set; }

    public string? Reason { get; set; }

    public string? Status { get; set; }

    public string? FailureReason { get; set; }
}

public sealed class DisputeEvidence
{
    public string? CustomerEmailAddress { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerPurchaseIp { get; set; }

    public string? BillingAddress { get; set; }

    public string? ProductDescription { get; set; }

    public string? UncategorizedText { get; set; }
}

public sealed class Dispute : StripeEntity
{
    public override string Object => "dispute";

    public long Amount { get; set; }

    public string Currency { get; set; } = "gbp";

    public string? ChargeId { get; set; }

    public string? PaymentIntentId { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string? NetworkReasonCode { get; set; }

    public DisputeEvidence Evidence { get; set; } = new();
}

public sealed class PaymentMethod : StripeEntity
{
    public override string Object => "payment_method";

    public string Type { get; set; } = "card";

    public string? CustomerId { get; set; }

    public PaymentMethodCard? Card { get; set; }

    public BillingDetails BillingDetails { get; set; } = new();
}

public sealed class StripeError
{
    public string? Type { get; set; }

    public string? Code { get; set; }

    public string? DeclineCode { get; set; }

    public string? Message { get; set; }

    public string? Param { get; set; }

    public string? DocUrl { get; set; }

    public string? RequestLogUrl { get; set; }

    public Charge? Charge { get; set; }

    public PaymentIntent? PaymentIntent { get; set; }
}

/// <summary>The exception Stripe.net throws for an API error; its message is the API's error message.</summary>
public class StripeException : Exception
{
    public StripeException()
    {
    }

    public StripeException(string message)
        : base(message)
    {
    }

    public StripeException(HttpStatusCode httpStatusCode, StripeError stripeError, string message)
        : base(message)
    {
        HttpStatusCode = httpStatusCode;
        StripeError = stripeError;
    }

    public HttpStatusCode HttpStatusCode { get; set; }

    public StripeError? StripeError { get; set; }

    public string? RequestId { get; set; }
}

public sealed class RequestOptions
{
    public string? IdempotencyKey { get; set; }

    public string? StripeAccount { get; set; }
}

public sealed class PaymentIntentCreateOptions
{
    public long? Amount { get; set; }

    public string? Currency { get; set; }

    public string? Customer { get; set; }

    public string? PaymentMethod { get; set; }

    public bool? Confirm { get; set; }

    public bool? OffSession { get; set; }

    public string? ReceiptEmail { get; set; }

    public string? Description { get; set; }

    public string? StatementDescriptorSuffix { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = new();
}

public sealed class RefundCreateOptions
{
    public string? PaymentIntent { get; set; }

    public string? Charge { get; set; }

    public long? Amount { get; set; }

    public string? Reason { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = new();
}

public sealed class CustomerCreateOptions
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = new();
}

public sealed class InvoiceCreateOptions
{
    public string? Customer { get; set; }

    public string? CollectionMethod { get; set; }

    public long? DaysUntilDue { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = new();
}

public sealed class InvoiceItemCreateOptions
{
    public string? Customer { get; set; }

    public string? Invoice { get; set; }

    public long? Amount { get; set; }

    public string? Currency { get; set; }

    public string? Description { get; set; }
}

public sealed class PaymentIntentService
{
    public Task<PaymentIntent> CreateAsync(PaymentIntentCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new PaymentIntent());

    public Task<PaymentIntent> GetAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new PaymentIntent { Id = id });
}

public sealed class RefundService
{
    public Task<Refund> CreateAsync(RefundCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new Refund());
}

public sealed class CustomerService
{
    public Task<Customer> CreateAsync(CustomerCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new Customer());

    public Task<Customer> GetAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new Customer { Id = id });
}

public sealed class InvoiceService
{
    public Task<Invoice> CreateAsync(InvoiceCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new Invoice());

    public Task<Invoice> FinalizeInvoiceAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new Invoice { Id = id });

    public Task<Invoice> PayAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new Invoice { Id = id });
}

public sealed class InvoiceItemService
{
    public Task CreateAsync(InvoiceItemCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => Task.CompletedTask;
}
