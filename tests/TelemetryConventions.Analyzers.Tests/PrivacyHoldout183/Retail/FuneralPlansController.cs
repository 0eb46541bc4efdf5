namespace PrivacyHoldout183.Retail;

/// <summary>The funeral plan provider's branches: a plan claimed at the holder's death, floral tributes ordered for the service and memorial donations taken at the till.</summary>
[ApiController]
[Route("api/funeral-plans")]
public sealed partial class FuneralPlansController(
    ActivitySource source,
    Meter meter,
    ILogger<FuneralPlansController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IRegisterOfficeGateway registerOffice) : ControllerBase
{
    private readonly Counter<long> _claims = meter.CreateCounter<long>("plans.claims");
    private readonly Counter<long> _tributes = meter.CreateCounter<long>("plans.floral_tributes");
    private readonly FuneralplansOperationsCounter _operations = meter.CreateFuneralplansOperationsCounter();
    private readonly FuneralplansOperationDurationHistogram _duration = meter.CreateFuneralplansOperationDurationHistogram();
    private string? _largestDonorEmail;
    private decimal _largestDonation;

    [HttpPost("claims")]
    public async Task<ActionResult> ClaimAsync([FromBody] FuneralPlan plan, string tellUsOnceReference, string branch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartFuneralplansOperation(branch);
        span.SetFuneralplansPlanholderId(pseudonymizer.PseudonymizeFuneralplansPlanholderId(plan.PlanNumber)); // clean precision-pseudonym
        span.SetFuneralplansCaseKind("claim"); // clean precision-names
        span.Activity?.SetTag("plan.type", plan.PlanType); // clean precision-about
        span.Activity?.SetTag("plan.number", plan.PlanNumber); // leak TC1001 direct
        span.Activity?.SetTag("plan.holder_email", plan.HolderEmail); // leak TC1001 direct
        span.Activity?.SetTag("plan.fully_paid", plan.Paid >= 3995m); // clean precision-about
        span.Activity?.SetTag("plan.planholder_tier", plan.PlanType == "premier" ? "gold" : "standard"); // clean precision-names
        _claims.Add(1, new KeyValuePair<string, object?>("plan_type", plan.PlanType)); // clean precision-about
        _claims.Add(1, new KeyValuePair<string, object?>("plan_number", plan.PlanNumber)); // leak TC1003 direct
        span.Activity?.SetTag("plan.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plan.PlanNumber)))); // leak TC1002 hashes
        span.Activity?.SetTag("plan.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(plan.PlanNumber))[0] % 64); // clean hashes
        logger.LogInformation("Plan claimed {Plan}", plan); // leak TC1001 logging-objects
        logger.LogInformation("Plan of type {PlanType} claimed at {Branch}", plan.PlanType, branch); // clean precision-about
        var tags = new TagList { { "branch", branch }, { "holder", plan.HolderName } };
        _claims.Add(1, tags); // leak TC1003 direct

        try
        {
            var registration = await registerOffice.LookUpAsync(tellUsOnceReference, cancellationToken);
            if (registration is null)
            {
                throw new DeceasedNotFoundException(plan.PlanNumber);
            }

            span.Activity?.SetTag("registration.district", registration.District); // clean precision-about
            span.Activity?.SetTag("registration.certificate", registration.CertificateNumber); // leak TC1001 direct
            var claim = new PlanClaim($"CL-{Guid.NewGuid():N}", plan.PlanType, branch, plan.Paid);
            logger.LogInformation("Claim {@Claim}", claim); // clean logging-objects
            span.SetFuneralplansNote($"Claim {claim.ClaimId} paid {claim.Payout:C}"); // clean generated-api
            span.SetFuneralplansOutcome("paid"); // clean generated-api
        }
        catch (DeceasedNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError(ex, "Claim at {Branch} failed", branch); // leak TC1001 exceptions
            logger.LogFuneralplansOperationFailedEvent(branch, "not-found", pseudonymizer.PseudonymizeFuneralplansPlanholderId(plan.PlanNumber), ex.GetType().Name); // clean exceptions
        }
        catch (RegisterOfficeUnavailableException ex)
        {
            logger.LogWarning(ex, "Register office down for claim at {Branch}", branch); // clean exceptions
            span.SetFuneralplansNote(ex.Message); // clean generated-api
        }

        _operations.Add(1, branch, "claim"); // clean generated-api
        _operations.Add(1, branch, pseudonymizer.ComputeFuneralplansPlanholderId(plan.PlanNumber)); // leak TC1003 precision-pseudonym
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, branch); // clean generated-api
        return Ok();
    }

    [HttpPost("tributes")]
    public ActionResult OrderTribute([FromBody] FloralTributeOrder order)
    {
        using var span = source.StartFuneralplansOperation("florist");
        span.SetFuneralplansCaseKind("tribute"); // clean precision-names
        span.SetFuneralplansNote($"Card reads: {order.CardMessage}"); // leak TC1001 generated-api
        span.SetFuneralplansNote($"SKU {order.Sku}, card of {order.CardMessage.Length} characters"); // clean generated-api
        span.Activity?.SetTag("tribute.sku", order.Sku); // clean precision-about
        span.Activity?.SetTag("tribute.deliver_to", order.DeliverTo); // leak TC1001 direct
        span.Activity?.SetTag("tribute.sender_name", order.SenderName); // leak TC1001 direct
        span.Activity?.SetTag("tribute.sender_name_template", "condolence-card-v2"); // clean precision-names
        _tributes.Add(1, new KeyValuePair<string, object?>("sku", order.Sku)); // clean precision-about
        logger.LogInformation("Tribute ordered {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Tribute ordered {@Order}", new { order.OrderId, order.Sku }); // clean logging-objects
        return Ok(order.OrderId);
    }

    [HttpPost("donations")]
    public ActionResult Donate([FromBody] MemorialDonation donation)
    {
        using var activity = source.StartActivity("plans.memorial_donation");
        activity?.SetTag("donation.charity", donation.Charity); // clean precision-about
        activity?.SetTag("donation.amount", donation.Amount); // clean precision-about
        activity?.SetTag("donation.donor_name", donation.DonorName); // leak TC1001 direct
        if (donation.Amount > _largestDonation)
        {
            _largestDonation = donation.Amount;
            _largestDonorEmail = donation.DonorEmail;
        }

        activity?.SetTag("donation.largest_amount", _largestDonation); // clean cross-member
        activity?.SetTag("donation.largest_donor", _largestDonorEmail); // leak TC1001 cross-member
        LogDonation(logger, donation.DonorEmail, donation.Charity); // clean logging-objects
        LogDonationUnclassified(logger, donation.InMemoryOf, donation.Charity); // leak TC1001 logging-objects
        var total = new DonationTotal(donation.Charity, donation.Charity, 1, donation.Amount);
        logger.LogInformation("Fund {@Total}", total); // clean logging-objects
        return Ok();
    }

    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Donation from {DonorEmail} to {Charity}")]
    private static partial void LogDonation(ILogger logger, [PrivateData] string donorEmail, string charity);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Information, Message = "Donation in memory of {InMemoryOf} to {Charity}")]
    private static partial void LogDonationUnclassified(ILogger logger, string inMemoryOf, string charity);
}
