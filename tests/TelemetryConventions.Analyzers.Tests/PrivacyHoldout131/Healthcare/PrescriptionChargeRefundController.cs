namespace PrivacyHoldout131.Healthcare;

/// <summary>A refund claim for prescription charges paid when the patient was exempt (FP57 receipt).</summary>
public sealed record PrescriptionRefundClaim(
    string NhsNumber,
    string ReceiptNumber,
    string PharmacyOdsCode,
    decimal Amount,
    string PaymentId,
    string? PatientEmail,
    string ExemptionType,
    bool WantsCredit);

[ApiController]
[Route("api/prescription-refunds")]
public sealed class PrescriptionChargeRefundController(
    IRefundGateway gateway,
    IStoreCreditLedger credits,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PrescriptionChargeRefundController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Pharmacy.Refunds");
    private static readonly Meter Meter = new("Trust.Pharmacy.Refunds");
    private static readonly Counter<long> ClaimsReceived = Meter.CreateCounter<long>("pharmacy.refund.claims");
    private static readonly Histogram<double> RefundAmount = Meter.CreateHistogram<double>("pharmacy.refund.amount", "GBP");
    private readonly NhsrefundRefundsCounter _closed = Meter.CreateNhsrefundRefundsCounter();

    [HttpPost("")]
    public async Task<ActionResult> Claim([FromBody] PrescriptionRefundClaim claim, CancellationToken ct)
    {
        using var span = Source.StartNhsrefundCase(claim.ReceiptNumber);
        span.SetNhsrefundClaimantId(pseudonymizer.PseudonymizeNhsrefundClaimantId(claim.NhsNumber)); // clean precision-pseudonym
        span.SetNhsrefundAmount((double)claim.Amount); // clean precision-about
        span.SetNhsrefundRegion(claim.PharmacyOdsCode); // clean precision-names

        ClaimsReceived.Add(1, new KeyValuePair<string, object?>("exemption.type", claim.ExemptionType)); // clean precision-names
        logger.LogInformation("Prescription refund claim {ReceiptNumber} received for patient {NhsNumber}", claim.ReceiptNumber, claim.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("patient.email_domain", claim.PatientEmail?.Split('@').LastOrDefault()); // clean precision-about

        if (claim.Amount <= 0)
        {
            return BadRequest("Nothing to refund.");
        }

        if (claim.WantsCredit)
        {
            var credit = await credits.IssueAsync(claim.NhsNumber, claim.Amount, "prescription-charge", ct);
            logger.LogInformation("Issued pharmacy credit {Credit}", credit); // leak TC1001 logging-objects
            logger.LogInformation("Pharmacy credit {CreditId} of {Amount} expires {ExpiresOn}", credit.CreditId, credit.Amount, credit.ExpiresOn); // clean precision-about
            _closed.Add(1, claim.PharmacyOdsCode, "credited"); // clean generated-api
            return Ok(credit.CreditId);
        }

        try
        {
            var refund = await gateway.RefundAsync(
                new RefundRequest(claim.PaymentId, claim.Amount, "GBP", RefundDestination.OriginalPayment, $"FP57 {claim.ReceiptNumber}",
                    new Dictionary<string, string> { ["receipt"] = claim.ReceiptNumber, ["nhs_number"] = claim.NhsNumber }),
                ct);
            span.SetNhsrefundOutcome(refund.Status); // clean precision-about
            RefundAmount.Record((double)refund.Amount, new KeyValuePair<string, object?>("destination", "original-payment")); // clean precision-about
            span.SetNhsrefundNote($"Refund {refund.RefundId} for receipt {claim.ReceiptNumber}"); // clean generated-api
            _closed.Add(1, claim.PharmacyOdsCode, refund.Status); // clean generated-api
            return Ok(refund.RefundId);
        }
        catch (OriginalPaymentUnavailableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Card ending {CardLast4} can no longer be refunded; asking for bank details", ex.CardLast4); // clean precision-about
            return BadRequest("Please give bank details for this refund.");
        }
        catch (RefundDeclinedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogNhsrefundCaseFailedEvent(claim.ReceiptNumber, ex.DeclineCode, pseudonymizer.PseudonymizeNhsrefundClaimantId(claim.NhsNumber), $"declined for {claim.NhsNumber}"); // leak TC1001 generated-api
            return BadRequest(ex.DeclineCode);
        }
    }

    [HttpGet("{receiptNumber}/status")]
    public ActionResult Status(string receiptNumber, string nhsNumber)
    {
        var bucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..12];
        Activity.Current?.SetTag("patient.lookup_bucket", bucket); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(nhsNumber))[0] % 16;
        Activity.Current?.SetTag("patient.shard", shard); // clean hashes
        Activity.Current?.SetTag("prescription.receipt", receiptNumber); // clean precision-names
        return Ok();
    }
}
