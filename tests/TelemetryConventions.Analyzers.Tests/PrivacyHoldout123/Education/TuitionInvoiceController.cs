namespace PrivacyHoldout123.Education;

/// <summary>Finds a student's fee invoice for an academic year.</summary>
public interface IStudentInvoiceIndex
{
    Task<string?> InvoiceNumberAsync(string studentNumber, string academicYear, CancellationToken ct);
}

public sealed record InstalmentPlanRequest(string StudentNumber, int Instalments, string PayerEmail, bool PayerIsSponsor);

/// <summary>The student finance portal's fees API: a student's invoice, a statement download and instalment plans.</summary>
[ApiController]
[Route("api/fees")]
public sealed class TuitionInvoiceController(IInvoiceStore invoices, IStudentInvoiceIndex index, IInvoiceRenderer renderer, Pseudonymizer pseudonymizer, ILogger<TuitionInvoiceController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("University.Fees.Portal");
    private static readonly Meter Meter = new("University.Fees.Portal");
    private static readonly Counter<long> Downloads = Meter.CreateCounter<long>("feebill.statement.downloads");

    [HttpGet("invoices/{number}")]
    public async Task<ActionResult> GetInvoice(string number, CancellationToken ct)
    {
        var invoice = await invoices.FindAsync(number, ct);
        Activity.Current?.SetTag("feebill.invoice", number); // clean precision-names
        if (invoice is null)
        {
            logger.LogInformation("Invoice {Invoice} not found for {Subject}", number, HttpContext.User.SubjectId); // leak TC1001 direct
            return NotFound();
        }

        var student = pseudonymizer.PseudonymizeFeebillCustomerId(invoice.CustomerAccount);
        Activity.Current?.EnrichFeebillPost(invoice.Number, "invoice").SetFeebillCustomerId(student).SetFeebillAmount((double)invoice.AmountDue); // clean precision-pseudonym
        Activity.Current?.SetTag("feebill.invoice.status", invoice.Status.ToString()); // clean precision-names
        logger.LogInformation("Served {@Invoice}", invoice); // leak TC1001 logging-objects
        return Ok(invoice);
    }

    [HttpGet("statements/{studentNumber}/{academicYear}")]
    public async Task<ActionResult> DownloadStatement(string studentNumber, string academicYear, CancellationToken ct)
    {
        var fileName = $"fees-statement-{studentNumber}-{academicYear}.pdf";
        HttpContext.RequestHeaders.TryGetValue("User-Agent", out var userAgent);
        Activity.Current?.SetTag("feebill.statement.file", fileName); // leak TC1001 strings
        Activity.Current?.SetTag("feebill.academic_year", academicYear); // clean direct
        Activity.Current?.SetTag("user_agent.original", userAgent); // clean precision-names
        Downloads.Add(1, new KeyValuePair<string, object?>("feebill.academic_year", academicYear)); // clean direct
        Downloads.Add(1, new KeyValuePair<string, object?>("feebill.student", studentNumber)); // leak TC1003 direct
        var number = await index.InvoiceNumberAsync(studentNumber, academicYear, ct);
        var invoice = number is null ? null : await invoices.FindAsync(number, ct);
        if (invoice is null)
        {
            return NotFound();
        }
        var pdf = await renderer.RenderPdfAsync(invoice, ct);
        logger.LogInformation("Statement {Invoice} rendered, {Bytes} bytes", invoice.Number, pdf.Content.Length); // clean precision-names
        logger.LogInformation("Statement for {Year} downloaded by {User}", academicYear, HttpContext.User.Email); // leak TC1001 cross-member
        return Ok(pdf);
    }

    [HttpPost("instalment-plans")]
    public ActionResult RequestPlan([FromBody] InstalmentPlanRequest request)
    {
        using var span = Source.StartFeebillCollect("instalment_plan")
            .SetFeebillCustomerId(pseudonymizer.PseudonymizeFeebillCustomerId(request.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("feebill.plan.instalments", request.Instalments); // clean precision-about
        span.Activity?.SetTag("feebill.payer.sponsor", request.PayerIsSponsor); // clean precision-about
        span.Activity?.SetTag(FeebillAttributes.CustomerContact, request.PayerEmail); // leak TC1001 direct
        logger.LogInformation("Instalment plan requested: {Request}", request); // leak TC1001 logging-objects
        if (request.Instalments is < 1 or > 9)
        {
            logger.LogWarning("Instalment plan refused for {Student}: {Instalments} instalments", request.StudentNumber, request.Instalments); // leak TC1001 direct
            return BadRequest("Choose between 1 and 9 instalments.");
        }
        return Ok();
    }
}
