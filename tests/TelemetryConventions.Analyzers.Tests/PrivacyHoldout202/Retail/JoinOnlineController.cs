namespace PrivacyHoldout202.Retail;

public sealed record JoinForm(string FullName, string Email, string Mobile, DateOnly DateOfBirth, string HomeClub, string PlanCode, string? PromoCode, string AccountHolder, string SortCode, string AccountNumber, string EntryPin);

/// <summary>A budget gym chain's online joining: membership, first direct debit mandate and a door PIN.</summary>
[ApiController]
[Route("api/join")]
public sealed partial class JoinOnlineController(
    IMemberDirectory directory,
    IDirectDebitProvider directDebits,
    IMemberMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    LeisureOptions options,
    TelemetrySecrets secrets,
    ILogger<JoinOnlineController> logger) : ControllerBase
{
    private static readonly Counter<long> Joins = new Meter("joinnow.sales").CreateCounter<long>("joinnow.joins");
    private static readonly List<string> RejectedAccounts = new();
    private JoinResult? _lastJoin;

    [HttpPost("")]
    public async Task<ActionResult> Join([FromBody] JoinForm form, CancellationToken cancellationToken)
    {
        using var span = source.StartJoinnowOperation(form.HomeClub);
        span.SetJoinnowActivity("join"); // clean precision-about
        Activity.Current?.SetTag("join.plan", form.PlanCode); // clean precision-about
        Activity.Current?.SetTag("join.club", form.HomeClub); // clean precision-names
        Activity.Current?.SetTag("join.has_promo", form.PromoCode is not null); // clean precision-about
        Activity.Current?.SetTag("join.email", form.Email); // leak TC1001 direct
        Activity.Current?.SetTag("join.full_name", form.FullName); // leak TC1001 direct
        Activity.Current?.SetTag("join.age", DateTime.Today.Year - form.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("join.birth_date", form.DateOfBirth); // leak TC1001 direct
        Activity.Current?.SetTag("join.pin_length", form.EntryPin.Length); // clean precision-about
        Activity.Current?.SetTag("join.entry_pin", form.EntryPin); // leak TC1001 direct
        Activity.Current?.SetTag("bank.sort_code", form.SortCode); // clean precision-about
        Activity.Current?.SetTag("bank.account_last2", form.AccountNumber[^2..]); // clean precision-about
        Activity.Current?.SetTag("bank.account_number", form.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("bank.account_holder", form.AccountHolder); // leak TC1001 direct
        logger.LogInformation("Join form {Form}", form with { AccountNumber = "****", EntryPin = "****" }); // leak TC1001 logging-objects
        logger.LogInformation("Join form for plan {PlanCode} at {HomeClub}, promo {HasPromo}", form.PlanCode, form.HomeClub, form.PromoCode is not null); // clean precision-names

        var result = await directory.JoinAsync(new JoinRequest(form.FullName, form.Email, form.Mobile, form.DateOfBirth, form.HomeClub, form.PlanCode, form.PromoCode), cancellationToken);
        _lastJoin = result;
        span.SetJoinnowMemberId(pseudonymizer.PseudonymizeJoinnowMemberId(result.MembershipNumber)); // clean precision-pseudonym
        logger.LogInformation("Joined {@Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Joined plan {PlanCode} at {HomeClub}", result.PlanCode, result.HomeClub); // clean precision-names
        Joins.Add(1, new KeyValuePair<string, object?>("plan", result.PlanCode), new KeyValuePair<string, object?>("club", result.HomeClub)); // clean precision-about
        Joins.Add(1, new KeyValuePair<string, object?>("member", result.MembershipNumber)); // leak TC1003 direct

        var reference = $"JN-{result.MembershipNumber}";
        var neutralReference = $"JN-{DateTime.UtcNow:yyyyMM}-{Random.Shared.Next(100000, 999999)}";
        try
        {
            var mandate = await directDebits.CreateMandateAsync(new BankDetails(form.AccountHolder, form.SortCode, form.AccountNumber), neutralReference, cancellationToken);
            Activity.Current?.SetTag("mandate.id", mandate.MandateId); // clean precision-names
            Activity.Current?.SetTag("mandate.reference", neutralReference); // clean strings
            Activity.Current?.SetTag("mandate.member_reference", reference); // leak TC1001 strings
            Activity.Current?.SetTag("mandate.status", mandate.Status); // clean precision-about
            logger.LogInformation("Mandate {Mandate}", mandate); // leak TC1001 logging-objects
            logger.LogInformation("Mandate {MandateId} is {Status}", mandate.MandateId, mandate.Status); // clean precision-names
            meter.CreateJoinnowOperationsCounter().Add(1, form.HomeClub, "joined"); // clean generated-api
            span.SetJoinnowNote($"mandate {mandate.MandateId} via {options.ProviderName}"); // clean generated-api
        }
        catch (MandateRejectedException ex)
        {
            RejectedAccounts.Add(form.AccountNumber);
            logger.LogWarning("Mandate rejected for sort code {SortCode}", ex.SortCode); // clean exceptions
            logger.LogError(ex, "Mandate rejected"); // leak TC1001 exceptions
            span.SetJoinnowNote(ex.Message); // leak TC1001 exceptions
            span.SetJoinnowOutcome("mandate-rejected"); // clean generated-api
            logger.LogJoinnowOperationFailedEvent(form.HomeClub, "mandate-rejected", pseudonymizer.PseudonymizeJoinnowMemberId(result.MembershipNumber), "bank refused"); // clean generated-api
        }

        await messenger.SendAsync(form.Mobile, $"Welcome {form.FullName}, your PIN is {form.EntryPin}", cancellationToken);
        Log.WelcomeSent(logger, form.Mobile, result.HomeClub); // clean logging-objects
        Log.WelcomeSentTo(logger, form.Mobile, result.HomeClub); // leak TC1001 logging-objects
        return Ok(result.MembershipNumber);
    }

    [HttpGet("rejected")]
    public ActionResult Rejected()
    {
        logger.LogInformation("Rejected accounts {Accounts}", RejectedAccounts); // leak TC1001 cross-member
        logger.LogInformation("Rejected accounts {Count}", RejectedAccounts.Count); // clean cross-member
        logger.LogInformation("Last join {Plan} at {Club}", _lastJoin?.PlanCode, _lastJoin?.HomeClub); // clean cross-member
        logger.LogInformation("Last join number {Number}", _lastJoin?.MembershipNumber); // leak TC1001 cross-member
        var accountKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RejectedAccounts.LastOrDefault() ?? "")))[..10];
        logger.LogInformation("Last rejected account key {Key}", accountKey); // leak TC1002 hashes
        var accountShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(RejectedAccounts.LastOrDefault() ?? ""))[0] % 32;
        Joins.Add(0, new KeyValuePair<string, object?>("shard", accountShard)); // clean hashes
        return Ok();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Welcome text sent to {Mobile} for {Club}")]
        public static partial void WelcomeSent(ILogger logger, [PrivateData] string mobile, string club);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Welcome text sent to {Mobile} for {Club}")]
        public static partial void WelcomeSentTo(ILogger logger, string mobile, string club);
    }
}
