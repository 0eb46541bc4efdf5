namespace PrivacyHoldout177.Healthcare;

/// <summary>The trust's overseas visitor charges desk: invoices in arrears, promises to pay and payment plans.</summary>
[ApiController]
[Route("api/overseas-charges")]
public sealed class OverseasVisitorChargesController(
    IDebtorStore debtors,
    Pseudonymizer pseudonymizer,
    ILogger<OverseasVisitorChargesController> logger,
    CollectionsOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.OverseasCharges");
    private static readonly Meter Meter = new("Trust.OverseasCharges");
    private static readonly Counter<long> PromisesTaken = Meter.CreateCounter<long>("overseas.promises.taken");
    private readonly PatientdebtOperationsCounter _operations = Meter.CreatePatientdebtOperationsCounter();
    private readonly PatientdebtOperationDurationHistogram _duration = Meter.CreatePatientdebtOperationDurationHistogram();

    [HttpPost("{invoiceNumber}/promise")]
    public async Task<ActionResult> TakePromise(string invoiceNumber, [FromBody] OverseasVisitorInvoice invoice, decimal amount, DateOnly dueOn, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPatientdebtOperation(invoice.Site);
        span.SetPatientdebtDebtorId(pseudonymizer.PseudonymizePatientdebtDebtorId(invoice.NhsNumber)); // clean precision-pseudonym
        span.SetPatientdebtStage("promise"); // clean precision-about
        span.Activity?.SetTag("overseas.invoice.number", invoiceNumber); // clean precision-names
        span.Activity?.SetTag("overseas.invoice.amount", invoice.Amount); // clean precision-about
        span.Activity?.SetTag("patient.nhs_number", invoice.NhsNumber); // leak TC1001 direct
        span.Activity?.SetTag("promise.amount", amount); // clean precision-about
        span.Activity?.SetTag("promise.days_until_due", dueOn.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about

        var account = await debtors.FindAsync(invoice.NhsNumber, ct);
        if (account is null)
        {
            var missing = new DebtorNotFoundException(invoice.NhsNumber);
            span.RecordException(missing); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, missing.Message); // leak TC1001 exceptions
            logger.LogWarning("No debtor account for invoice {InvoiceNumber}", invoiceNumber); // clean precision-names
            return NotFound();
        }

        var promise = new PromiseToPay(invoiceNumber, account.AccountNumber, amount, dueOn);
        await debtors.SavePromiseAsync(promise, ct);
        logger.LogInformation("Promise taken {@Promise}", promise); // leak TC1001 logging-objects
        logger.LogInformation("Promise of {Amount} taken on invoice {InvoiceNumber}, due {DueOn}", amount, invoiceNumber, dueOn); // clean precision-about
        logger.LogInformation("Promise taken from {PatientName}", invoice.PatientName); // leak TC1001 direct
        PromisesTaken.Add(1, new KeyValuePair<string, object?>("site", invoice.Site)); // clean precision-names
        PromisesTaken.Add(1, new KeyValuePair<string, object?>("patient", invoice.NhsNumber)); // leak TC1003 direct
        _operations.Add(1, invoice.Site, "promised"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, invoice.Site); // clean generated-api
        return Ok(new { promise.CaseId, promise.DueOn });
    }

    [HttpPost("{invoiceNumber}/plan")]
    public async Task<ActionResult> SetUpPlan(string invoiceNumber, [FromBody] OverseasVisitorInvoice invoice, IncomeExpenditure assessment, decimal instalment, CancellationToken ct)
    {
        using var span = Source.StartPatientdebtOperation(invoice.Site);
        span.SetPatientdebtStage("plan"); // clean precision-about
        Activity.Current?.SetTag("ie.disposable", assessment.Disposable); // clean precision-about
        Activity.Current?.SetTag("ie.dependants", assessment.Dependants); // clean precision-about
        logger.LogInformation("Assessment {@Assessment}", assessment); // clean logging-objects

        if (instalment > assessment.Disposable)
        {
            var unaffordable = new PlanUnaffordableException(assessment.Disposable, instalment);
            span.RecordException(unaffordable, includeMessage: true); // clean exceptions
            logger.LogWarning(unaffordable, "Plan refused for invoice {InvoiceNumber}", invoiceNumber); // clean exceptions
            return BadRequest(unaffordable.Message);
        }

        var planReference = $"OVC-{invoice.NhsNumber}-{DateTime.UtcNow:yyMM}";
        var plan = new PaymentPlan(planReference, invoice.NhsNumber, instalment, "monthly", (int)Math.Ceiling(invoice.Amount / instalment));
        await debtors.SavePlanAsync(plan, ct);
        span.SetPatientdebtNote($"Plan {planReference} set up"); // leak TC1001 generated-api
        span.SetPatientdebtNote($"Plan of {plan.Instalments} monthly instalments set up"); // clean generated-api
        span.SetPatientdebtItemCount(plan.Instalments); // clean generated-api
        logger.LogInformation("Plan {Plan}", plan); // leak TC1001 logging-objects
        logger.LogInformation("Plan {Summary}", new PlanSummary(plan.PlanId.Length > 0 ? "set" : "none", plan.Instalment, plan.Frequency, plan.Instalments)); // clean logging-objects
        Baggage.SetBaggage("overseas.plan.frequency", plan.Frequency); // clean precision-about
        Baggage.SetBaggage("overseas.patient", invoice.NhsNumber); // leak TC1001 direct
        if (options.Jurisdiction == "GB")
        {
            span.Activity?.AddEvent(new ActivityEvent("plan.created", tags: new ActivityTagsCollection { ["plan.reference"] = planReference })); // leak TC1001 strings
        }
        return Ok(new { plan.Instalments });
    }
}
