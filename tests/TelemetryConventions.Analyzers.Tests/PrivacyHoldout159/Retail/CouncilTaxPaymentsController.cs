namespace PrivacyHoldout159.Retail;

// The council's online payments counter: council tax instalments and arrears, with the electoral canvass cross-checking occupiers.
[ApiController]
[Route("api/council-tax")]
public sealed class CouncilTaxPaymentsController(IPaymentProvider payments, ILogger<CouncilTaxPaymentsController> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ActivitySource source, Meter meter) : ControllerBase
{
    private static readonly Counter<decimal> Taken = new Meter("Council.Payments").CreateCounter<decimal>("counciltax.taken");
    private string? lastArrearsAccount;

    [HttpPost("pay")]
    public async Task<ActionResult> PayAsync([FromBody] CouncilTaxAccount account, decimal amount, string ward, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartCouncilpayOperation(ward);
        span.SetCouncilpayElectorId(pseudonymizer.PseudonymizeCouncilpayElectorId(account.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("counciltax.band", account.Band); // clean precision-about
        Activity.Current?.SetTag("counciltax.account", account.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("counciltax.account.last4", account.AccountNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("counciltax.holder", account.HolderName); // leak TC1001 direct
        Taken.Add(amount, new KeyValuePair<string, object?>("band", account.Band)); // clean precision-about
        Taken.Add(amount, new KeyValuePair<string, object?>("account", account.AccountNumber)); // leak TC1003 direct
        Taken.Add(amount, new KeyValuePair<string, object?>("account_shard", Shard(account.AccountNumber))); // clean hashes

        try
        {
            var paymentId = await payments.TakeAsync(account.AccountNumber, amount, cancellationToken);
            Activity.Current?.SetTag("counciltax.payment.id", paymentId); // clean precision-names
            logger.LogInformation("Payment {PaymentId} of {Amount} taken in band {Band}", paymentId, amount, account.Band); // clean precision-names
        }
        catch (AccountInArrearsException ex)
        {
            lastArrearsAccount = account.AccountNumber;
            logger.LogWarning(ex, "Payment refused"); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            span.SetCouncilpayOutcome("arrears"); // clean generated-api
            meter.CreateCouncilpayRequestsCounter().Add(1, councilpayWard: ward, councilpayOutcome: "arrears"); // clean generated-api
            return BadRequest("arrears");
        }

        meter.CreateCouncilpayDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, councilpayWard: ward); // clean generated-api
        logger.LogInformation("Account {@Account} paid", account); // leak TC1001 logging-objects
        logger.LogInformation("Account paid, email domain {Domain}", account.Email.Split('@')[^1]); // clean precision-about
        return Ok();
    }

    [HttpGet("arrears/last")]
    public ActionResult LastArrears()
    {
        logger.LogInformation("Last account in arrears {Account}", lastArrearsAccount); // leak TC1001 cross-member
        return Ok();
    }

    private string Shard(string value)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(value)))[..2];
    }
}
