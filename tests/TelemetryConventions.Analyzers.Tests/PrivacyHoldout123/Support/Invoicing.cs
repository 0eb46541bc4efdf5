namespace Invoicing;

// An invoicing library in the shape of Stripe's and Xero's invoice objects: a bill-to party, lines with
// VAT, totals, a due date and a status; credit notes against an invoice; a PDF renderer.

public sealed record PostalAddress(string Line1, string? Line2, string Town, string Postcode, string Country);

/// <summary>Who an invoice is addressed to: a person or, for trade accounts, a company.</summary>
public sealed record Party(string Name, string Email, string? VatNumber, PostalAddress Address);

public sealed record InvoiceLine(string Description, int Quantity, decimal UnitPrice, decimal VatRate, string LedgerAccount)
{
    public decimal Net => Quantity * UnitPrice;

    public decimal Vat => Math.Round(Net * VatRate, 2);
}

public enum InvoiceStatus
{
    Draft,
    Open,
    Paid,
    Void,
    Uncollectible,
}

public sealed class Invoice
{
    public required string Number { get; init; }

    /// <summary>The receivables account the invoice is raised on.</summary>
    public required string CustomerAccount { get; init; }

    public required Party BillTo { get; init; }

    public List<InvoiceLine> Lines { get; } = new();

    public string Currency { get; init; } = "GBP";

    public DateOnly IssuedOn { get; init; }

    public DateOnly DueOn { get; init; }

    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;

    public decimal Net => Lines.Sum(l => l.Net);

    public decimal Vat => Lines.Sum(l => l.Vat);

    public decimal Gross => Net + Vat;

    public decimal AmountPaid { get; set; }

    public decimal AmountDue => Gross - AmountPaid;

    public Dictionary<string, string> Metadata { get; } = new();
}

public sealed record CreditNote(string Number, string InvoiceNumber, string CustomerAccount, decimal Amount, string Reason, DateOnly IssuedOn);

public sealed record RenderedDocument(string FileName, string ContentType, byte[] Content);

public interface IInvoiceRenderer
{
    Task<RenderedDocument> RenderPdfAsync(Invoice invoice, CancellationToken cancellationToken = default);
}

public interface IInvoiceStore
{
    Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken = default);

    Task SaveAsync(Invoice invoice, CancellationToken cancellationToken = default);

    Task SaveAsync(CreditNote note, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Invoice>> OverdueAsync(DateOnly asOf, CancellationToken cancellationToken = default);
}

/// <summary>The invoice failed validation; the message quotes the field and the value refused.</summary>
public sealed class InvoiceValidationException(string field, string value)
    : Exception($"Invalid {field}: '{value}'")
{
    public string Field { get; } = field;
}

public interface IInvoiceMailer
{
    Task SendAsync(string to, RenderedDocument document, CancellationToken cancellationToken = default);
}
