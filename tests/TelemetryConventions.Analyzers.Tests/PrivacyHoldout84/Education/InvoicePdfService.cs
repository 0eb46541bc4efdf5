namespace PrivacyHoldout84.Education;

/// <summary>Renders course invoices to PDF, names the files and stores them for the learner's account page.</summary>
public sealed class InvoicePdfService(
    ILogger<InvoicePdfService> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    IInvoiceRenderer renderer)
{
    private static readonly ActivitySource Pdf = new("Courses.Billing.Pdf");

    public async Task<InvoiceDocument> RenderAsync(Invoice invoice, CancellationToken ct)
    {
        using var activity = Pdf.StartActivity("invoice.pdf");
        activity?.SetTag("invoice.number", invoice.Number); // clean precision-about
        activity?.SetTag("invoice.lines", invoice.Lines.Count);
        activity?.SetTag("invoice.billing_reason", invoice.BillingReason); // clean precision-names

        var template = invoice.CustomerAddress?.Country == "GB" ? "invoice-gb-vat" : "invoice-intl";
        try
        {
            var document = await renderer.RenderAsync(invoice, template, ct);
            logger.LogInformation("Rendered {Document}", document); // clean logging-objects
            activity?.SetTag("invoice.pdf.bytes", document.Bytes); // clean precision-about
            return document;
        }
        catch (TemplateRenderException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Invoice {Number} could not be rendered for {Email}", invoice.Number, invoice.CustomerEmail); // leak TC1001 direct
            throw;
        }
    }

    public string FileNameFor(Invoice invoice)
    {
        var safeName = (invoice.CustomerName ?? "customer").Replace(' ', '-').ToLowerInvariant();
        var fileName = $"{invoice.Number}-{safeName}.pdf";
        Activity.Current?.SetTag("invoice.pdf.file", fileName); // leak TC1001 strings
        if (Activity.Current is { } current)
        {
            current.DisplayName = $"pdf {invoice.Number}"; // clean precision-about
        }
        return fileName;
    }

    public void Resend(Invoice invoice, string requestedBy)
    {
        using var span = source.StartCoursesubRenewal(invoice.Lines.FirstOrDefault()?.PriceId ?? "none")
            .SetCoursesubInvoiceNumber(invoice.Number ?? "draft") // clean generated-api
            .SetCoursesubCustomerId(pseudonymizer.PseudonymizeCoursesubCustomerId(invoice.CustomerId)); // clean precision-pseudonym
        span.SetCoursesubNote($"resent to {invoice.CustomerEmail} at {requestedBy}'s request"); // leak TC1001 generated-api
        logger.LogInformation("Invoice {Number} resent ({Total} {Currency}, status {Status})", invoice.Number, invoice.AmountDue, invoice.Currency, invoice.Status); // clean precision-about
    }
}
