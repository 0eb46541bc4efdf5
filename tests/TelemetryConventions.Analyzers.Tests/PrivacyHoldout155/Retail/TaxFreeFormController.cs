namespace PrivacyHoldout155.Retail;

/// <summary>
/// The department store's tax-free desk: issues forms to visitors from outside the UK who show their passport,
/// validates them with the refund operator and emails the shopper a copy.
/// </summary>
[ApiController]
[Route("api/taxfree")]
public sealed class TaxFreeFormController(
    ITaxFreeOperator refunds,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BorderOptions options,
    ILogger<TaxFreeFormController> logger) : ControllerBase
{
    private readonly Counter<long> _forms = meter.CreateCounter<long>("taxfree.forms.issued", "{form}");
    private readonly Histogram<double> _formValue = meter.CreateHistogram<double>("taxfree.form.value", "GBP");

    [HttpPost("forms")]
    public async Task<ActionResult> Issue([FromBody] TaxFreeForm form, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartTaxfreeOperation(form.StoreCode);
        span.SetTaxfreeShopperId(pseudonymizer.PseudonymizeTaxfreeShopperId(form.PassportNumber)); // clean generated-api
        span.SetTaxfreeNote($"Form {form.FormId} for {form.Amount:0.00}"); // clean generated-api
        span.SetTaxfreeNote($"Form for passport {form.PassportNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("taxfree.form", form.FormId); // clean precision-about
        Activity.Current?.SetTag("taxfree.nationality", form.Nationality); // clean precision-about
        Activity.Current?.SetTag("taxfree.shopper.email", form.Email); // leak TC1001 direct
        Activity.Current?.SetTag("taxfree.shopper.email_template_id", "tpl-taxfree-copy"); // clean precision-names
        Activity.Current?.SetTag(TaxfreeAttributes.Contact, pseudonymizer.Compute("shopper_email", form.Email)); // leak TC1001 generated-api
        Activity.Current?.SetTag("taxfree.above_minimum", form.Amount >= options.TaxFreeMinimumSpend); // clean precision-about
        _formValue.Record((double)form.Amount, new KeyValuePair<string, object?>("store", form.StoreCode), new KeyValuePair<string, object?>("nationality", form.Nationality)); // clean precision-about
        _forms.Add(1, new KeyValuePair<string, object?>("passport", form.PassportNumber)); // leak TC1003 direct
        logger.LogInformation("Issuing tax-free form {@Form}", form); // leak TC1001 logging-objects
        try
        {
            var validation = await refunds.ValidateAsync(form, cancellationToken);
            logger.LogInformation("Form {FormId} validated as {Validation}", form.FormId, validation); // clean precision-about
            meter.CreateTaxfreeValidationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, taxfreeStore: form.StoreCode); // clean generated-api
            meter.CreateTaxfreeFormsCounter().Add(1, taxfreeStore: form.StoreCode, taxfreeOutcome: "validated"); // clean generated-api
            return Ok(validation);
        }
        catch (NotEligibleVisitorException ex)
        {
            logger.LogTaxfreeOperationFailedEvent(form.StoreCode, "not-eligible", taxfreeNote: ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            return BadRequest("not eligible");
        }
        catch (FormAlreadyRefundedException ex)
        {
            logger.LogWarning(ex, "Duplicate refund attempt at {Store}", form.StoreCode); // clean exceptions
            return BadRequest("already refunded");
        }
    }

    [HttpGet("forms/{formId}/shopper")]
    public ActionResult Shopper(string formId, string passportNumber)
    {
        logger.LogInformation("Form {FormId} looked up by passport {Passport}", formId, passportNumber); // leak TC1001 direct
        logger.LogInformation("Form {FormId} looked up by a passport ending {Last4}", formId, passportNumber[^4..]); // clean precision-about
        return Ok();
    }
}
