namespace PrivacyHoldout147.Healthcare;

/// <summary>NHS staff ask for part of this month's pay early; the trust's payroll confirms they are in post.</summary>
[ApiController]
[Route("api/salary-advances")]
public sealed class SalaryAdvanceController(
    ActivitySource source,
    Meter meter,
    ITrustPayroll payroll,
    ICustomerDirectory customers,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    BankOptions options,
    ILogger<SalaryAdvanceController> logger) : ControllerBase
{
    private static readonly Counter<long> Declines = new Meter("Bank.SalaryAdvance").CreateCounter<long>("payadvance.declines");

    [HttpPost("")]
    public async Task<ActionResult> RequestAsync([FromBody] SalaryAdvanceRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartPayadvanceOperation(request.TrustCode);
        span.SetPayadvanceEmployeeId(pseudonymizer.PseudonymizePayadvanceEmployeeId(request.StaffNumber)); // clean generated-api
        span.SetPayadvanceProduct("salary-advance"); // clean generated-api
        Activity.Current?.SetTag("payadvance.staff_number", request.StaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("payadvance.amount", request.Amount); // clean precision-about
        Activity.Current?.SetTag("payadvance.pay_date", request.PayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean direct
        logger.LogInformation("Salary advance {RequestId} requested at trust {TrustCode}", request.RequestId, request.TrustCode); // clean direct
        logger.LogInformation("Salary advance requested by customer {CustomerNumber}", request.CustomerNumber); // leak TC1001 direct
        logger.LogDebug("Advance request {@Request}", request); // leak TC1001 logging-objects

        if (request.Amount > options.MaxSalaryAdvance)
        {
            var capped = new AdvanceCapExceededException(request.Amount, options.MaxSalaryAdvance);
            span.RecordException(capped, includeMessage: true); // clean exceptions
            Declines.Add(1, new KeyValuePair<string, object?>("trust", request.TrustCode), new KeyValuePair<string, object?>("reason", "over-cap")); // clean direct
            return BadRequest("over-cap");
        }

        try
        {
            var confirmation = await payroll.ConfirmAsync(request.TrustCode, request.StaffNumber, cancellationToken);
            logger.LogInformation("Trust confirmation {@Confirmation}", confirmation); // clean logging-objects
            span.SetPayadvanceOutcome(confirmation.InPost ? "approved" : "declined"); // clean generated-api
            Activity.Current?.SetTag("payadvance.net_pay_band", confirmation.NetPayBand); // clean precision-about
        }
        catch (StaffNotOnPayrollException ex)
        {
            logger.LogWarning(ex, "Trust {TrustCode} does not know the employee", request.TrustCode); // leak TC1001 exceptions
            span.SetPayadvanceNote(ex.Message); // leak TC1001 generated-api
            Declines.Add(1, new KeyValuePair<string, object?>("trust", request.TrustCode), new KeyValuePair<string, object?>("staff", request.StaffNumber)); // leak TC1003 direct
            return NotFound("not-on-payroll");
        }

        var customer = await customers.FindAsync(request.CustomerNumber, cancellationToken);
        Activity.Current?.SetTag("payadvance.email_domain", customer?.Email.Split('@')[^1]); // clean precision-about
        Activity.Current?.SetTag("payadvance.customer_segment", customer?.Segment); // clean precision-names
        Activity.Current?.SetTag("payadvance.applicant_email", customer?.Email); // leak TC1001 direct
        Activity.Current?.SetTag("payadvance.staff_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.StaffNumber)))); // leak TC1002 hashes
        Activity.Current?.SetTag("payadvance.staff_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.StaffNumber))[0] % 16); // clean hashes
        logger.LogInformation("Advance approved for {Employee}", pseudonymizer.ComputePayadvanceEmployeeId(request.StaffNumber)); // clean precision-pseudonym
        meter.CreatePayadvanceRequestsCounter().Add(1, payadvanceTrust: request.TrustCode, payadvanceOutcome: "approved"); // clean generated-api
        meter.CreatePayadvanceRequestsCounter().Add(1, payadvanceTrust: request.TrustCode, payadvanceOutcome: request.StaffNumber); // leak TC1003 generated-api
        Declines.Add(0, new KeyValuePair<string, object?>("employee", pseudonymizer.ComputePayadvanceEmployeeId(request.StaffNumber))); // leak TC1003 precision-pseudonym
        return Ok(request.RequestId);
    }
}
