namespace SeatBilling;

// Seat-based billing against a Stripe-shaped API: customers (the tenant's billing account), subscription
// items priced per seat, usage records and invoices. Like Stripe.net's entities, ToString() prints the
// object's JSON.

public abstract class StripeEntity
{
    public override string ToString() =>
        $"<{GetType().FullName} id={IdText}> JSON: {ToJson()}";

    protected abstract string IdText { get; }

    protected abstract string ToJson();
}

/// <summary>A Stripe customer: the tenant's billing account, with the billing contact's email and name.</summary>
public sealed class Customer : StripeEntity
{
    public string Id { get; set; } = string.Empty;

    public string? Email { get; set; }

    public string? Name { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = new();

    protected override string IdText => Id;

    protected override string ToJson() =>
        $"{{\"id\":\"{Id}\",\"email\":\"{Email}\",\"name\":\"{Name}\",\"metadata\":{{{string.Join(",", Metadata.Select(m => $"\"{m.Key}\":\"{m.Value}\""))}}}}}";
}

public sealed class Price
{
    public string Id { get; set; } = string.Empty;

    public string LookupKey { get; set; } = string.Empty;

    public long UnitAmount { get; set; }
}

public sealed class SubscriptionItem : StripeEntity
{
    public string Id { get; set; } = string.Empty;

    public long Quantity { get; set; }

    public Price Price { get; set; } = new();

    protected override string IdText => Id;

    protected override string ToJson() => $"{{\"id\":\"{Id}\",\"quantity\":{Quantity},\"price\":\"{Price.Id}\"}}";
}

public sealed class UsageRecordCreateOptions
{
    public long Quantity { get; set; }

    public DateTime Timestamp { get; set; }

    public string Action { get; set; } = "set";
}

public sealed class UsageRecord : StripeEntity
{
    public string Id { get; set; } = string.Empty;

    public long Quantity { get; set; }

    public string SubscriptionItem { get; set; } = string.Empty;

    protected override string IdText => Id;

    protected override string ToJson() => $"{{\"id\":\"{Id}\",\"quantity\":{Quantity},\"subscription_item\":\"{SubscriptionItem}\"}}";
}

public sealed class InvoiceLineItem
{
    public string Description { get; set; } = string.Empty;

    public long Quantity { get; set; }

    public long Amount { get; set; }
}

public sealed class Invoice : StripeEntity
{
    public string Id { get; set; } = string.Empty;

    public string CustomerId { get; set; } = string.Empty;

    public string? CustomerEmail { get; set; }

    public long AmountDue { get; set; }

    public string Currency { get; set; } = "gbp";

    public List<InvoiceLineItem> Lines { get; set; } = new();

    protected override string IdText => Id;

    protected override string ToJson() =>
        $"{{\"id\":\"{Id}\",\"customer\":\"{CustomerId}\",\"customer_email\":\"{CustomerEmail}\",\"amount_due\":{AmountDue},\"currency\":\"{Currency}\"}}";
}

public sealed class StripeError
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? Param { get; set; }
}

public sealed class StripeException(int httpStatusCode, StripeError error, string message) : Exception(message)
{
    public int HttpStatusCode { get; } = httpStatusCode;

    public StripeError StripeError { get; } = error;
}

public interface IUsageRecordService
{
    Task<UsageRecord> CreateAsync(string subscriptionItemId, UsageRecordCreateOptions options);
}

public interface ICustomerService
{
    Task<Customer> GetAsync(string customerId);

    Task<Customer> UpdateAsync(string customerId, string email);
}

public interface IInvoiceService
{
    Task<Invoice> UpcomingAsync(string customerId);
}

/// <summary>A seat held by a member of a tenant: a record, printed with its members.</summary>
public sealed record SeatAssignment(string SeatId, string TenantId, string UserId, string Email, string Sku, DateTimeOffset AssignedAt);

public interface ISeatLedger
{
    Task<IReadOnlyList<SeatAssignment>> ActiveSeatsAsync(string tenantId);

    Task<SeatAssignment> AssignAsync(string tenantId, string userId, string email, string sku);

    Task ReleaseAsync(string seatId);
}

/// <summary>The tenant's billing link: its customer and its per-seat subscription item.</summary>
public sealed record BillingAccount(string TenantId, string CustomerId, string SubscriptionItemId, string Plan);

public interface IBillingAccounts
{
    Task<BillingAccount?> ForTenantAsync(string tenantId);
}

/// <summary>No seat is left on the tenant's plan: quotes the tenant, the plan and the limit.</summary>
public sealed class SeatLimitReachedException(string tenantId, string plan, int limit)
    : Exception($"Tenant {tenantId} has used all {limit} seats of plan {plan}.")
{
    public string TenantId { get; } = tenantId;
}
