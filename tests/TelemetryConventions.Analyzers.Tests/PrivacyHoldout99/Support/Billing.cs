namespace PrivacyHoldout99.Support;

// What the services keep of their own around the provider: dunning schedules, receipts, the
// payment settings they bind from configuration and a mailer.

public sealed class PaymentOptions
{
    public string PublishableKey { get; init; } = "pk_live_51Hx";

    public string WebhookSecret { get; init; } = "whsec_";

    public string PlatformAccountId { get; init; } = "acct_1PlatformGB";

    public int[] RetryDays { get; init; } = [1, 3, 5, 7];

    public int MaxAttempts { get; init; } = 4;

    public TimeSpan ProviderTimeout { get; init; } = TimeSpan.FromSeconds(20);
}

public sealed record DunningStep(int Attempt, TimeSpan Delay, string Channel, string TemplateId);

public sealed record DunningState(string InvoiceId, string SubscriptionId, int Attempt, DateTimeOffset NextAttemptAt, string? LastDeclineCode, string Stage);

public sealed record ReceiptLine(string Description, int Quantity, long UnitAmount, long TaxAmount);

public sealed record Receipt(string Number, DateTimeOffset IssuedAt, long Total, string Currency, string CardBrand, string CardLast4, string RecipientEmail, IReadOnlyList<ReceiptLine> Lines);

public sealed class MailRejectedException(string recipient, string reason) : Exception($"Mailbox {recipient} rejected the message: {reason}")
{
    public string Reason { get; } = reason;
}

public interface IReceiptMailer
{
    Task SendAsync(Receipt receipt, string toAddress, CancellationToken cancellationToken = default);
}

public interface IDunningStore
{
    Task<DunningState?> GetAsync(string invoiceId, CancellationToken cancellationToken = default);

    Task SaveAsync(DunningState state, CancellationToken cancellationToken = default);
}

public interface INotifier
{
    Task SmsAsync(string phone, string text, CancellationToken cancellationToken = default);

    Task EmailAsync(string address, string templateId, IDictionary<string, string> model, CancellationToken cancellationToken = default);
}

/// <summary>Idempotency keys the services send with every write to the provider.</summary>
public static class Idempotency
{
    public static string NewKey() => Guid.NewGuid().ToString("N");
}
