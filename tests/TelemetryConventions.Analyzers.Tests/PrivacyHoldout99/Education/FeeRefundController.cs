namespace PrivacyHoldout99.Education;

public sealed record WithdrawalRefundRequest(string StudentNumber, string PaymentIntentId, long AmountPence, string Reason, string WithdrawalCaseId);

[ApiController]
[Route("api/fees/refunds")]
public sealed class FeeRefundController(
    IRefundClient refunds,
    IChargeClient charges,
    Pseudonymizer pseudonymizer,
    ILogger<FeeRefundController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("University.Fees.Refunds");
    private static readonly Meter Meter = new("University.Fees.Refunds");
    private static readonly Counter<long> RefundsIssued = Meter.CreateCounter<long>("fees.refunds");

    [HttpPost]
    public async Task<ActionResult> RefundAsync([FromBody] WithdrawalRefundRequest request, CancellationToken ct)
    {
        using var span = Source.StartFeepayPayment(request.PaymentIntentId)
            .SetFeepayStudentId(pseudonymizer.PseudonymizeFeepayStudentId(request.StudentNumber)) // clean precision-pseudonym
            .SetFeepayAmount(request.AmountPence);
        span.Activity?.SetTag("refund.case", request.WithdrawalCaseId); // clean precision-names
        span.Activity?.SetTag("refund.request", request.ToString()); // leak TC1001 logging-objects
        logger.LogInformation("Refund requested on {Intent} for case {Case}: {Reason}", request.PaymentIntentId, request.WithdrawalCaseId, request.Reason);

        try
        {
            var refund = await refunds.CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = request.PaymentIntentId,
                Amount = request.AmountPence,
                Metadata = { ["student_number"] = request.StudentNumber, ["case"] = request.WithdrawalCaseId },
            }, new RequestOptions { IdempotencyKey = $"refund:{request.WithdrawalCaseId}" }, ct);

            span.SetFeepayPaymentId(refund.Id).SetFeepayOutcome(refund.Status);
            span.SetFeepayIdempotencyKey($"refund:{request.WithdrawalCaseId}"); // clean generated-api
            logger.LogInformation("Refund {@Refund}", refund); // leak TC1001 logging-objects
            logger.LogDebug("Refund metadata student {Student}", refund.Metadata["student_number"]); // leak TC1001 cross-member
            logger.LogDebug("Refund metadata case {Case}", refund.Metadata["case"]); // clean cross-member
            logger.LogInformation("Refund line {Line}", $"{request.StudentNumber},{request.AmountPence},{request.Reason}"); // leak TC1001 strings
            logger.LogInformation("Refund {RefundId} {Status} for {Amount} {Currency}", refund.Id, refund.Status, refund.Amount, refund.Currency); // clean precision-about
            RefundsIssued.Add(1, new KeyValuePair<string, object?>("reason", refund.Reason));

            var charge = await charges.GetAsync(refund.ChargeId, ct);
            logger.LogInformation("Refund goes back to {Brand} ending {Last4}, expiring {Month}/{Year}", charge.Card?.Brand, charge.Card?.Last4, charge.Card?.ExpMonth, charge.Card?.ExpYear);
            logger.LogInformation("Refund goes back to card holder {Holder}", charge.BillingDetails.Name); // leak TC1001 direct
            logger.LogDebug("Charge refunded so far {Refunded} of {Amount}", charge.AmountRefunded, charge.Amount); // clean precision-about
            return Ok(new { refund.Id, refund.Status });
        }
        catch (PaymentProviderException ex) when (ex.Code == "charge_already_refunded")
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Refund for case {Case} refused: {Code}", request.WithdrawalCaseId, ex.Code); // clean exceptions
            return BadRequest(ex.Code);
        }
        catch (PaymentProviderException ex)
        {
            span.SetFeepayNote($"refund failed for {request.StudentNumber}: {ex.Code}"); // leak TC1001 generated-api
            logger.LogFeepayPaymentFailedEvent(request.PaymentIntentId, "failed", ex.DeclineCode, null, ex.Code); // clean generated-api
            throw;
        }
    }
}
