namespace PrivacyHoldout98.Energy;

/// <summary>
/// The billing back office's customer lookup and "log in as customer": a contact-centre agent finds a household
/// by account number, email, phone or meter serial, then opens the customer's online account to walk them through
/// a bill.
/// </summary>
[ApiController]
[Route("backoffice/customers")]
public sealed class CustomerLookupController(
    ISupportDirectory directory,
    IImpersonationService impersonation,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CustomerLookupController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.Billing.BackOffice");
    private static readonly Meter Meter = new("Supplier.Billing.BackOffice");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("billing.backoffice.lookups");

    [HttpGet("search")]
    public async Task<ActionResult> SearchAsync(string q, StaffPrincipal agent)
    {
        var field = q switch
        {
            _ when q.Contains('@') => "email",
            _ when q.StartsWith("07", StringComparison.Ordinal) || q.StartsWith("+44", StringComparison.Ordinal) => "phone",
            _ when q.Length == 10 && q.All(char.IsDigit) => "account_number",
            _ => "meter_serial",
        };
        using var span = Source.StartBilladminAdminAction("lookup", "account");
        span.Activity?.SetTag("billing.lookup.field", field); // clean precision-names
        span.Activity?.SetTag("billing.lookup.query_length", q.Length); // clean precision-about
        span.Activity?.SetTag("url.query", HttpContext.RequestHeaders.TryGetValue("X-Original-Query", out var raw) ? raw : $"q={q}"); // leak TC1001 strings
        Lookups.Add(1, new KeyValuePair<string, object?>("field", field), new KeyValuePair<string, object?>("agent_team", agent.Roles.FirstOrDefault())); // clean precision-names

        try
        {
            var hits = await directory.SearchAsync(new CustomerSearch(q, field));
            span.Activity?.SetTag("billing.lookup.hits", hits.Count); // clean precision-about
            logger.LogInformation("Agent {Agent} searched {Field} for {Query}: {Hits} hits", agent.StaffId, field, q, hits.Count); // leak TC1001 direct
            logger.LogDebug("Lookup results {Hits}", hits); // leak TC1001 logging-objects
            logger.LogDebug("Lookup result scores {Scores}", hits.Select(h => Math.Round(h.Score, 2))); // clean precision-about
            if (field == "meter_serial")
            {
                span.Activity?.SetTag("billing.lookup.meter_model", q[..3]); // clean precision-about
            }
            return Ok(hits);
        }
        catch (LookupThrottledException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Lookup quota reached for agent team {Team}", agent.Roles.FirstOrDefault()); // clean exceptions
            return BadRequest("quota");
        }
    }

    [HttpPost("{accountNumber}/login-as")]
    public async Task<ActionResult> LoginAsAsync(string accountNumber, [FromBody] ImpersonationRequest request, StaffPrincipal agent)
    {
        using var span = Source.StartBilladminImpersonation(request.ReasonCode).SetBilladminCaseId(request.CaseId ?? "none"); // clean generated-api
        span.SetBilladminAccountId(pseudonymizer.PseudonymizeBilladminAccountId(accountNumber)); // clean precision-pseudonym
        var session = await impersonation.StartAsync(agent, request with { TargetId = accountNumber });
        span.SetBilladminSessionId(session.SessionId.ToString("N")); // clean precision-names
        span.SetBilladminNote($"agent {agent.DisplayName} on account {accountNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("billing.login_as.account", pseudonymizer.ComputeBilladminAccountId(accountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(BilladminAttributes.AccountContact, pseudonymizer.ComputeBilladminAccountId(session.Claims["email"])); // leak TC1001 precision-pseudonym
        Lookups.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeBilladminAccountId(accountNumber))); // leak TC1003 precision-pseudonym

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var partition = BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(accountNumber))) % 32;
        Activity.Current?.SetTag("billing.login_as.partition", partition); // clean hashes
        var sessionTag = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(accountNumber + session.SessionId)));
        Activity.Current?.SetTag("billing.login_as.tag", sessionTag); // leak TC1002 hashes
        return Ok(session.SessionId);
    }
}
