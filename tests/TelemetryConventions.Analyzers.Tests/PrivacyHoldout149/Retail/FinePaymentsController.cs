namespace PrivacyHoldout149.Retail;

/// <summary>
/// Court fines paid at the till: the till scans the payment slip's barcode (the fine account
/// number), the service checks the account with the courts' fines gateway and takes the payment;
/// beside it, civil recovery demands sent to people caught stealing.
/// </summary>
[ApiController]
[Route("api/fines")]
public sealed class FinePaymentsController(
    IFinesGateway fines,
    IRecoveryAgent recovery,
    Pseudonymizer pseudonymizer,
    Meter meter,
    JusticeOptions options,
    ILogger<FinePaymentsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.Tills.Fines");

    [HttpPost("payments")]
    public async Task<ActionResult> Pay([FromBody] FinePayment payment, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var span = Activity.Current.EnrichStorelegalOperation(payment.StoreId);
        span.SetStorelegalCaseKind("court-fine");
        span.SetStorelegalSubjectId(pseudonymizer.PseudonymizeStorelegalSubjectId(payment.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("fine.payment.ref", payment.PaymentRef);
        Activity.Current?.SetTag("fine.till", payment.Till);
        Activity.Current?.SetTag("fine.amount", payment.Amount);
        Activity.Current?.SetTag("fine.account", payment.AccountNumber); // leak TC1001 direct
        logger.LogInformation("Fine payment {Payment}", payment); // leak TC1001 logging-objects

        try
        {
            var account = await fines.LookupAsync(payment.AccountNumber, cancellationToken);
            if (account is null || account.Balance <= 0)
            {
                throw new FineAccountClosedException(payment.AccountNumber);
            }

            Activity.Current?.SetTag("fine.court", account.Court);
            Activity.Current?.SetTag("fine.balance_after", account.Balance - payment.Amount); // clean precision-about
            Activity.Current?.SetTag("fine.defendant", account.DefendantName); // leak TC1001 direct
            var receipt = await fines.PayAsync(payment, cancellationToken);
            logger.LogInformation("Paid {Amount} to account {Account}, receipt {Receipt}", payment.Amount, payment.AccountNumber, receipt); // leak TC1001 direct
            meter.CreateStorelegalPaymentDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, payment.StoreId); // clean generated-api
            meter.CreateStorelegalCasesCounter().Add(1, payment.StoreId, "fine-paid"); // clean generated-api
            return Ok(receipt);
        }
        catch (FineAccountClosedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogStorelegalOperationFailedEvent(payment.StoreId, ex.Message); // leak TC1001 generated-api
            return BadRequest("Account closed");
        }
        catch (TillOfflineException ex)
        {
            logger.LogStorelegalOperationFailedEvent(payment.StoreId, "till-offline", storelegalNote: ex.Message); // clean generated-api
            return BadRequest("Till offline");
        }
    }

    [HttpPost("civil-recovery")]
    public async Task<ActionResult> Demand([FromBody] CivilRecoveryDemand demand, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("civil_recovery.demand");
        activity?.SetTag("recovery.demand.id", demand.DemandId);
        activity?.SetTag("recovery.template", options.DemandLetterTemplateId); // clean precision-names
        activity?.SetTag("recovery.amount", demand.Amount); // clean precision-about
        activity?.SetTag(StorelegalAttributes.Contact, demand.OffenderEmail); // leak TC1001 generated-api
        activity?.SetTag("recovery.email.domain", demand.OffenderEmail.Substring(demand.OffenderEmail.LastIndexOf('@') + 1)); // clean precision-about
        var reference = await recovery.SendDemandAsync(demand, cancellationToken);
        logger.LogInformation("Demand {DemandId} sent to {Name} as {Reference}", demand.DemandId, demand.OffenderName, reference); // leak TC1001 direct
        logger.LogInformation("Demand {DemandId} sent as {Reference}", demand.DemandId, reference);
        return Ok(reference);
    }
}
