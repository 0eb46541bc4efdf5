namespace PrivacyHoldout177.Retail;

/// <summary>The store card collections team's screen: call notes, promises to pay, income and expenditure, and breathing space.</summary>
[ApiController]
[Route("api/storecard/collections")]
public sealed partial class StoreCardCollectionsController(
    IDebtorStore debtors,
    IAgentDirectory agents,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StoreCardCollectionsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.StoreCard.Collections");
    private static readonly Meter Meter = new("Retailer.StoreCard.Collections");
    private static readonly Counter<long> Promises = Meter.CreateCounter<long>("storecard.promises");
    private readonly StorecreditOperationsCounter _operations = Meter.CreateStorecreditOperationsCounter();

    [HttpPost("{cardAccountNumber}/call")]
    public async Task<ActionResult> LogCall(string cardAccountNumber, [FromBody] CallNote note, StoreCardArrears arrears, CancellationToken ct)
    {
        using var span = Source.StartStorecreditOperation("contact-centre");
        var agent = await agents.CurrentAsync(note.AgentStaffId, ct);
        span.SetStorecreditDebtorId(pseudonymizer.PseudonymizeStorecreditDebtorId(cardAccountNumber)); // clean precision-pseudonym
        span.SetStorecreditAgentId(pseudonymizer.PseudonymizeStorecreditAgentId(agent.StaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("agent.staff_id", agent.StaffId); // leak TC1001 direct
        span.Activity?.SetTag("agent.team", agent.Team); // clean precision-names
        span.Activity?.SetTag("card.arrears", arrears.Arrears); // clean precision-about
        span.Activity?.SetTag("card.missed_payments", arrears.MissedPayments); // clean precision-about
        span.Activity?.SetTag("card.account", cardAccountNumber); // leak TC1001 direct
        span.Activity?.SetTag("card.account_last4", cardAccountNumber[^4..]); // clean precision-about
        span.Activity?.SetTag(StorecreditAttributes.Contact, arrears.Mobile); // leak TC1001 generated-api
        span.Activity?.SetTag("customer.mobile_prefix", arrears.Mobile[..3]); // clean precision-about
        span.Activity?.SetTag("customer.has_mobile", !string.IsNullOrEmpty(arrears.Mobile)); // clean precision-about
        span.Activity?.SetTag("call.note", note.Text); // leak TC1001 direct
        span.SetStorecreditNote($"Agent note: {note.Text}"); // leak TC1001 generated-api
        span.SetStorecreditNote($"Call logged, {note.Text.Split(' ').Length} words"); // clean generated-api
        logger.LogInformation("Agent {@Agent} logged a call", agent); // leak TC1001 logging-objects
        logger.LogInformation("Arrears {@Arrears}", arrears); // leak TC1001 logging-objects
        logger.LogInformation("Arrears {Arrears} with {Missed} missed payments", arrears.Arrears, arrears.MissedPayments); // clean precision-about
        using (logger.BeginScope(new { Customer = arrears.CustomerName, Stage = "collections" })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Call saved for case {CaseId}", note.CaseId); // clean precision-names
        }
        using (logger.BeginScope(new { Stage = "collections", Agents = agent.Team })) // clean logging-objects
        {
            CallLogged(logger, arrears.CustomerName, note.CaseId); // clean logging-objects
        }
        return Ok();
    }

    [HttpPost("{cardAccountNumber}/promise")]
    public async Task<ActionResult> TakePromise(string cardAccountNumber, decimal amount, DateOnly dueOn, IncomeExpenditure assessment, CancellationToken ct)
    {
        using var span = Source.StartStorecreditOperation("contact-centre");
        var account = await debtors.FindAsync(cardAccountNumber, ct);
        if (account is null)
        {
            throw new DebtorNotFoundException(cardAccountNumber);
        }
        var promise = new PromiseToPay($"PTP-{Guid.NewGuid():N}"[..12], account.AccountNumber, amount, dueOn);
        await debtors.SavePromiseAsync(promise, ct);
        span.SetStorecreditOutcome("promised"); // clean generated-api
        span.Activity?.SetTag("promise.case", promise.CaseId); // clean precision-names
        span.Activity?.SetTag("promise.amount", promise.Amount); // clean precision-about
        span.Activity?.SetTag("ie.disposable", assessment.Disposable); // clean precision-about
        span.Activity?.SetTag("customer.email", account.Email); // leak TC1001 direct
        span.Activity?.SetTag("customer.email_domain", account.Email.Split('@')[1]); // clean precision-about
        Promises.Add(1, new KeyValuePair<string, object?>("stage", account.Stage)); // clean precision-about
        Promises.Add(1, new KeyValuePair<string, object?>("customer_email", account.Email)); // leak TC1003 direct
        _operations.Add(1, "contact-centre", "promised"); // clean generated-api
        var lane = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.Email)))[..2];
        _operations.Add(1, "contact-centre", lane); // clean hashes
        var dedupe = HashCode.Combine(account.AccountNumber, dueOn);
        logger.LogInformation("Promise dedupe key {Key}", dedupe); // leak TC1002 hashes
        var promiseSummary = $"{account.FullName} promised {amount:C} by {dueOn:d}";
        logger.LogInformation(promiseSummary); // leak TC1001 strings
        logger.LogInformation("Promise {Promise}", promise); // leak TC1001 logging-objects
        return Ok(new { promise.CaseId });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call logged for {CustomerName} on case {CaseId}")]
    private static partial void CallLogged(ILogger logger, [PrivateData] string customerName, string caseId);
}
