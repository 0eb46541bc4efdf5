namespace PrivacyHoldout84.Transport;

/// <summary>An employer's interest-free season ticket loan scheme: the employer pays, the employee travels.</summary>
public sealed record SchemeInvoice(Invoice Invoice, string EmployerName, TaxId EmployerVat, string EmployeeEmail, string EmployeeSmartcard, string PayrollReference);

/// <summary>Sends employers the invoices of their employees' season tickets, one PDF per employee.</summary>
public sealed class EmployerSchemeInvoicer(ILogger<EmployerSchemeInvoicer> logger, IInvoiceRenderer renderer, IDunningMailer mailer)
{
    private const string EmailTemplateId = "scheme-invoice-v3";

    private static readonly ActivitySource Invoicing = new("Transit.Season.SchemeInvoices");

    public async Task SendAsync(SchemeInvoice scheme, CancellationToken ct)
    {
        using var activity = Invoicing.StartActivity("scheme.invoice");
        activity?.SetTag("scheme.employer", scheme.EmployerName); // clean precision-about
        activity?.SetTag("scheme.employer.vat", scheme.EmployerVat.Value); // clean precision-about
        activity?.SetTag("scheme.email_template_id", EmailTemplateId); // clean precision-names
        activity?.SetTag("scheme.invoice.number", scheme.Invoice.Number);

        var fileName = $"season-{scheme.EmployeeSmartcard}-{DateTime.UtcNow:yyyyMM}.pdf";
        activity?.SetTag("scheme.pdf.file", fileName); // leak TC1001 strings
        activity?.SetTag("scheme.payroll.reference", scheme.PayrollReference); // leak TC1001 direct

        try
        {
            var document = await renderer.RenderAsync(scheme.Invoice, "scheme-invoice", ct);
            activity?.SetTag("scheme.pdf.storage_key", document.StorageKey); // clean precision-about
            await mailer.SendAsync(new DunningNotice(scheme.EmployeeEmail, EmailTemplateId, "en-GB", 0, new Dictionary<string, string> { ["invoice"] = document.InvoiceNumber }), ct);
            activity?.AddEvent(new ActivityEvent($"invoice {document.InvoiceNumber} emailed to {scheme.EmployeeEmail}")); // leak TC1001 strings
        }
        catch (TemplateRenderException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"template {ex.Template} failed at {ex.Field}"); // clean exceptions
        }
        catch (RecipientRejectedException ex)
        {
            activity?.SetTag("scheme.mail.error", ex.ToString()); // leak TC1001 exceptions
            logger.LogWarning("Scheme invoice bounced with {Smtp} ({ExceptionType})", ex.SmtpStatus, ex.GetType().Name); // clean exceptions
        }
    }
}
