namespace PrivacyHoldout147.Media;

/// <summary>A broadcaster's payroll team adds freelancers as payees and sets up their standing orders.</summary>
[ApiController]
[Route("api/payroll/payees")]
public sealed class FreelancerPayeeController(
    IConfirmationOfPayee cop,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FreelancerPayeeController> logger) : ControllerBase
{
    private static readonly Counter<long> PayeesAdded = new Meter("Bank.Payroll").CreateCounter<long>("payroll.payees.added");

    [HttpPost("")]
    public async Task<ActionResult> AddAsync([FromBody] Payee payee, CancellationToken cancellationToken)
    {
        using var span = source.StartPayrollOperation("northern-tv");
        var match = await cop.CheckAsync(payee.Name, payee.SortCode, payee.AccountNumber, cancellationToken);
        span.SetPayrollOutcome(match.MatchCode); // clean generated-api
        span.SetPayrollNote($"freelancer {payee.Name}: {match.MatchCode}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("payroll.payee.account_ending", payee.AccountNumber[^2..]); // clean precision-about
        Activity.Current?.SetTag("payroll.payee.iban", $"GB00TEST{payee.SortCode.Replace("-", "")}{payee.AccountNumber}"); // leak TC1001 strings
        Activity.Current?.SetTag("payroll.payee.bank", BankOf(payee.SortCode)); // clean strings
        logger.LogInformation("Payee {PayeeId} added with match {Match}", payee.PayeeId, match.MatchCode); // clean direct
        logger.LogInformation("Payee added {@Payee}", payee); // leak TC1001 logging-objects
        PayeesAdded.Add(1, new KeyValuePair<string, object?>("match", match.MatchCode), new KeyValuePair<string, object?>("business", match.BusinessAccount)); // clean direct
        Activity.Current?.SetTag(PayrollAttributes.Contact, pseudonymizer.Compute("payroll.contact", payee.Name)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("payroll.payee.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payee.SortCode + payee.AccountNumber)))); // leak TC1002 hashes
        Activity.Current?.SetTag("payroll.payee.bucket", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(payee.AccountNumber))) % 64); // clean hashes
        return Ok(payee.PayeeId);
    }

    [HttpPost("standing-orders")]
    public ActionResult StandingOrder([FromBody] StandingOrder order)
    {
        // The payroll team's standing orders are paid from the broadcaster's own payroll account, never from a person's.
        Activity.Current?.SetTag("standing_order.id", order.StandingOrderId); // clean direct
        Activity.Current?.SetTag("standing_order.frequency", order.Frequency); // clean direct
        Activity.Current?.SetTag("standing_order.next_date", order.NextDate.ToString("O", CultureInfo.InvariantCulture)); // clean direct
        logger.LogInformation("Standing order {@Order}", order); // clean logging-objects
        return Ok(order.StandingOrderId);
    }

    private static string BankOf(string sortCode) => sortCode.StartsWith("20", StringComparison.Ordinal) ? "barclays" : sortCode.StartsWith("04", StringComparison.Ordinal) ? "challenger" : "other";
}
