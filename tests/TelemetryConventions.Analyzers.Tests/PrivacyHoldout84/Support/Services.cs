namespace Taxline
{
    /// <summary>A tax calculation request: the customer's address decides the jurisdiction.</summary>
    public sealed record TaxRequest(string Currency, long Amount, string TaxCode, Address CustomerAddress, string? CustomerTaxId, string AddressSource);

    public sealed record TaxBreakdown(string Jurisdiction, string TaxType, decimal Rate, long TaxAmount, bool Taxable);

    /// <summary>A calculation. Printed it shows its id, the totals and the breakdown list's type name.</summary>
    public sealed record TaxResult(string CalculationId, long AmountTotal, long TaxAmountExclusive, IReadOnlyList<TaxBreakdown> Breakdown);

    /// <summary>The address could not be placed in a jurisdiction; the message quotes the address, Reason is the service's code (postal_code_invalid, ambiguous_address).</summary>
    public sealed class TaxLocationException(Address address, string reason)
        : Exception($"Could not determine a tax location for '{address.Line1}, {address.City} {address.PostalCode}, {address.Country}': {reason}")
    {
        public string Reason { get; } = reason;

        public string Country { get; } = address.Country;
    }

    /// <summary>The tax service timed out or refused the call; the message carries the status only.</summary>
    public sealed class TaxServiceUnavailableException(int status) : Exception($"Tax service returned {status}")
    {
        public int Status { get; } = status;
    }

    public sealed class TaxClient
    {
        public Task<TaxResult> CalculateAsync(TaxRequest request, CancellationToken ct = default) =>
            Task.FromResult(new TaxResult("taxcalc_1", request.Amount, 0, [new TaxBreakdown("GB", "vat", 20m, request.Amount / 6, true)]));
    }
}

namespace Dunnage
{
    /// <summary>Smart retries: the delays after the first failure and what happens after the last one.</summary>
    public sealed record RetrySchedule(IReadOnlyList<TimeSpan> Delays, string FinalAction)
    {
        public int MaxAttempts => Delays.Count + 1;

        public TimeSpan? DelayAfter(int attempt) => attempt <= Delays.Count ? Delays[attempt - 1] : null;
    }

    /// <summary>A dunning email. A positional record: printed it shows the recipient and the template model.</summary>
    public sealed record DunningNotice(string To, string TemplateId, string Locale, int Attempt, IReadOnlyDictionary<string, string> Model);

    public interface IDunningMailer
    {
        /// <summary>Returns the mail provider's message id.</summary>
        Task<string> SendAsync(DunningNotice notice, CancellationToken ct = default);
    }

    /// <summary>The mail provider refused the recipient; the message quotes the address.</summary>
    public sealed class RecipientRejectedException(string recipient, string smtpStatus)
        : Exception($"Recipient <{recipient}> rejected: {smtpStatus}")
    {
        public string SmtpStatus { get; } = smtpStatus;
    }
}

namespace Entitlements
{
    /// <summary>What a subscription change grants and revokes in the product, for the product's own account.</summary>
    public sealed record EntitlementChange(string SubscriptionId, string AccountRef, IReadOnlyList<string> Granted, IReadOnlyList<string> Revoked, DateTimeOffset EffectiveAt);

    public sealed record EntitlementSyncResult(string SubscriptionId, int Granted, int Revoked, bool Changed, TimeSpan Lag);

    public interface IEntitlementClient
    {
        Task<EntitlementSyncResult> ApplyAsync(EntitlementChange change, CancellationToken ct = default);
    }

    /// <summary>The product refused the change; the message quotes the product account it was for.</summary>
    public sealed class EntitlementConflictException(string accountRef, string feature)
        : Exception($"Account {accountRef} already holds {feature} from another subscription")
    {
        public string Feature { get; } = feature;
    }
}

namespace InvoiceDocs
{
    public sealed record InvoiceDocument(string InvoiceNumber, string FileName, int Pages, long Bytes, string StorageKey);

    public interface IInvoiceRenderer
    {
        Task<InvoiceDocument> RenderAsync(Invoice invoice, string template, CancellationToken ct = default);
    }

    /// <summary>The template could not be filled; the message names the template and the field, not the value.</summary>
    public sealed class TemplateRenderException(string template, string field) : Exception($"Template '{template}' failed at field '{field}'")
    {
        public string Template { get; } = template;

        public string Field { get; } = field;
    }
}

namespace RevRec
{
    /// <summary>One line of the revenue schedule: an invoice line spread over its service period.</summary>
    public sealed record RevenueLine(string InvoiceNumber, string PriceId, DateOnly ServiceStart, DateOnly ServiceEnd, long Amount, string Currency, string Treatment);

    /// <summary>A row of the finance system's customer sub-ledger export.</summary>
    public sealed record SubLedgerRow(string CustomerId, string CustomerName, string InvoiceNumber, long Amount, string Currency);

    public sealed record ExportBatch(string BatchId, DateOnly Period, int Rows, long Total, string Currency);
}

namespace PrivacyHoldout84.Support
{
    /// <summary>Shards and cohorts from an HMAC with the service's shard key.</summary>
    public static class KeyedShard
    {
        public static int Of(byte[] shardKey, string raw, int shards)
        {
            var mac = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(raw));
            return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
        }
    }

    public sealed class WebhookOptions
    {
        public required string SigningSecret { get; init; }

        public string MerchantVatNumber { get; init; } = "GB 123 4567 89";

        public List<string> BillingOpsEmails { get; init; } = [];
    }

    public static class Money
    {
        public static string Format(long minor, string currency) =>
            (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
    }
}
