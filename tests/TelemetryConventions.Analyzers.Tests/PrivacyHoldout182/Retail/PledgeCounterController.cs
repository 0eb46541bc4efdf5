namespace PrivacyHoldout182.Retail;

[ApiController]
[Route("api/pledges")]
public sealed partial class PledgeCounterController(
    IPledgeBook pledgeBook,
    IStolenGoodsRegister register,
    IPoliceNotifier police,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    CounterOptions options,
    ILogger<PledgeCounterController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Pawn.Counter");
    private static readonly Meter CounterMeter = new("Pawn.Counter");
    private static readonly Counter<long> ChecksRun = CounterMeter.CreateCounter<long>("pawn.register.checks");

    [HttpPost("")]
    public async Task<ActionResult> TakePledge([FromBody] Pledge pledge, CancellationToken cancellationToken)
    {
        using var span = Source.StartPawncounterOperation(options.Branch);
        span.SetPawncounterSellerId(pseudonymizer.PseudonymizePawncounterSellerId(pledge.CustomerId)); // clean precision-pseudonym
        span.SetPawncounterItemCategory("jewellery"); // clean generated-api
        span.SetPawncounterNote($"Pledge {pledge.TicketNumber} for {pledge.LoanAmount:C} over {options.PledgeTermDays} days"); // clean generated-api
        span.SetPawncounterNote("Item: " + pledge.ItemDescription); // leak TC1001 generated-api
        Activity.Current?.SetTag("pawn.ticket", pledge.TicketNumber); // clean precision-names
        Activity.Current?.SetTag("pawn.customer.id", pledge.CustomerId); // leak TC1001 direct
        Activity.Current?.SetTag("pawn.item.serial", pledge.SerialNumber); // leak TC1001 direct
        Activity.Current?.SetTag("pawn.item.description.length", pledge.ItemDescription.Length); // clean precision-about
        Activity.Current?.SetTag("pawn.loan.amount", (double)pledge.LoanAmount); // clean precision-about

        if (pledge.LoanAmount > options.MaxLoanWithoutReferral)
        {
            var ex = new LoanLimitExceededException(options.Branch, pledge.LoanAmount);
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Referral needed: {Message}", ex.Message); // clean exceptions
            return BadRequest(ex.Message);
        }

        logger.LogInformation("Pledge {Ticket} taken at {Branch}", pledge.TicketNumber, options.Branch); // clean precision-names
        logger.LogInformation("Pledge taken {@Pledge}", pledge); // leak TC1001 logging-objects
        logger.LogInformation("Pledge {Summary}", new PledgeSummary(pledge.TicketNumber, options.Branch, "jewellery", pledge.LoanAmount, options.PledgeTermDays)); // clean logging-objects
        logger.LogInformation("Pledge for {CustomerName} recorded", pledge.CustomerName); // leak TC1001 direct
        PledgeRecorded(logger, pledge.TicketNumber, pledge.CustomerId); // clean precision-names
        PledgeRecordedPlain(logger, pledge.TicketNumber, pledge.CustomerId); // leak TC1001 direct

        await pledgeBook.RecordAsync(pledge, cancellationToken);
        return Ok(pledge.TicketNumber);
    }

    [HttpPost("id-checks")]
    public ActionResult CheckIdentity([FromBody] IdCheck check)
    {
        using var activity = Source.StartActivity("pawn.id_check");
        activity?.SetTag("pawn.id.document_type", check.DocumentType); // clean precision-names
        activity?.SetTag("pawn.id.document_number", check.DocumentNumber); // leak TC1001 direct
        activity?.SetTag("pawn.id.document_last4", check.DocumentNumber[^4..]); // clean precision-about
        activity?.SetTag("pawn.id.verified", check.Verified); // clean precision-about

        if (!check.Verified)
        {
            var rejected = new IdDocumentRejectedException(check.DocumentNumber);
            activity?.SetStatus(ActivityStatusCode.Error, rejected.Message); // leak TC1001 exceptions
            logger.LogWarning(rejected, "Identity check failed"); // leak TC1001 exceptions
            activity?.SetTag("error.type", rejected.GetType().Name); // clean exceptions
            return BadRequest("not verified");
        }

        logger.LogInformation("Identity check {Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Identity check {Check}", check with { DocumentNumber = "", SellerId = "" }); // clean logging-objects
        return Ok();
    }

    [HttpPost("register-checks")]
    public async Task<ActionResult> CheckRegister([FromBody] ItemIntake intake, CancellationToken cancellationToken)
    {
        var check = new RegisterCheck(Guid.NewGuid().ToString("N"), intake.Serial, options.StolenRegister);
        var result = await register.CheckAsync(check, cancellationToken);
        Activity.Current?.SetTag("pawn.register.check_id", result.CheckId); // clean precision-names
        Activity.Current?.SetTag("pawn.register.outcome", result.Outcome); // clean precision-names
        logger.LogInformation("Register answered {Result}", result); // clean logging-objects
        ChecksRun.Add(1, new KeyValuePair<string, object?>("register", result.Register), new KeyValuePair<string, object?>("outcome", result.Outcome)); // clean precision-names
        ChecksRun.Add(1, new KeyValuePair<string, object?>("serial", intake.Serial)); // leak TC1003 direct

        if (result.Matches > 0)
        {
            var notification = new PoliceNotification(Guid.NewGuid().ToString("N"), "Met", "dc.holloway@met.police.uk", "CR-0011-2026", intake.SellerId, intake.Serial);
            await police.SendAsync(notification, cancellationToken);
            logger.LogWarning("Police notified {Notification}", notification); // leak TC1001 logging-objects
            logger.LogWarning("Police notified, force {Force}, reference {Reference}", notification.Force, notification.NotificationId); // clean precision-names
            Activity.Current?.AddEvent(new ActivityEvent("pawn.police_notified", tags: new ActivityTagsCollection { ["officer"] = notification.OfficerEmail })); // leak TC1001 direct
            var flagged = new StolenItemFlaggedException(intake.Serial);
            Activity.Current?.AddException(flagged); // leak TC1001 exceptions
            return Ok(result.Outcome);
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(intake.Serial)))[..4];
        Activity.Current?.SetTag("pawn.serial.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(intake.Serial)));
        Activity.Current?.SetTag("pawn.serial.sha256", digest); // leak TC1002 hashes
        return Ok(result.Outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {TicketNumber} recorded for {CustomerId}")]
    private static partial void PledgeRecorded(ILogger logger, string ticketNumber, [PrivateData] string customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {TicketNumber} recorded for customer {CustomerId}")]
    private static partial void PledgeRecordedPlain(ILogger logger, string ticketNumber, string customerId);
}
