namespace PrivacyHoldout184.Retail;

/// <summary>A loss or theft claim as the claimant files it in store or online.</summary>
public sealed record FileClaimRequest(string PolicyNumber, string ClaimantId, string ClaimantName, string Email, string Mobile, string Imei, string CrimeReference, string Circumstances, string Store);

/// <summary>Helpers the claims team shares for its spans.</summary>
public static class ClaimTags
{
    public static void TagHandset(Activity? activity, string field, string value) => activity?.SetTag($"handsetcover.{field}", value); // leak TC1001 cross-member

    public static TagList StoreTags(string store, string outcome) => new() { { "store", store }, { "outcome", outcome } };
}

/// <summary>The retailer's handset insurance claims: a claim is filed, the IMEI checked against the blocking list, a handler assigned, a decision made.</summary>
[ApiController]
[Route("api/handset-claims")]
public sealed partial class HandsetClaimsController(IClaimsLedger ledger, IBlockingList blockingList, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<HandsetClaimsController> logger, PropertyOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.HandsetClaims");
    private static readonly Meter Meter = new("Retail.HandsetClaims");
    private static readonly Counter<long> ClaimsFiled = Meter.CreateCounter<long>("handsetcover.claims.filed");
    private static readonly Histogram<double> Excess = Meter.CreateHistogram<double>("handsetcover.claims.excess", "GBP");
    private readonly HandsetcoverOperationsCounter _operations = Meter.CreateHandsetcoverOperationsCounter();
    private readonly HandsetcoverOperationDurationHistogram _duration = Meter.CreateHandsetcoverOperationDurationHistogram();
    private TheftClaim? _current;

    [HttpPost]
    public async Task<ActionResult> FileClaim([FromBody] FileClaimRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var claim = new TheftClaim($"HC-{Random.Shared.Next(100000, 999999)}", request.PolicyNumber, request.ClaimantId, request.ClaimantName, request.Email, request.Imei, request.CrimeReference, request.Circumstances, options.ClaimExcessPounds);
        _current = claim;
        using var span = Source.StartHandsetcoverOperation(request.Store);
        span.SetHandsetcoverOwnerId(pseudonymizer.PseudonymizeHandsetcoverOwnerId(request.ClaimantId)); // clean precision-pseudonym
        span.SetHandsetcoverItemCategory("phone"); // clean precision-names
        span.SetHandsetcoverNote(claim.Circumstances); // leak TC1001 generated-api
        span.SetHandsetcoverNote($"circumstances: {claim.Circumstances.Split(' ').Length} words"); // clean generated-api
        span.SetHandsetcoverNote($"claimant {request.ClaimantName} at {request.Store}"); // leak TC1001 generated-api
        span.Activity?.SetTag(HandsetcoverAttributes.Contact, request.Mobile); // leak TC1001 generated-api
        span.Activity?.SetTag("handsetcover.claim.number", claim.ClaimNumber); // clean direct
        span.Activity?.SetTag("handsetcover.policy.number", claim.PolicyNumber); // leak TC1001 direct
        span.Activity?.SetTag("handsetcover.crime_reference", claim.CrimeReference); // clean direct
        span.Activity?.SetTag("handsetcover.crime_reference_given", claim.CrimeReference.Length > 0); // clean precision-about
        span.Activity?.SetTag("handsetcover.handset.imei", claim.Imei); // leak TC1001 direct
        span.Activity?.SetTag("handsetcover.handset.tac", claim.Imei[..8]); // clean precision-about
        span.Activity?.SetTag("handsetcover.claimant.mobile_present", !string.IsNullOrWhiteSpace(request.Mobile)); // clean precision-about
        span.Activity?.SetTag("handsetcover.claimant.email", claim.ClaimantEmail); // leak TC1001 direct
        span.Activity?.SetTag("handsetcover.claimant_tier", "gold"); // clean precision-names
        span.Activity?.SetTag("handsetcover.imei_check_id", $"chk-{claim.ClaimNumber}"); // clean precision-names
        ClaimTags.TagHandset(span.Activity, "imei", request.Imei); // leak TC1001 cross-member
        ClaimTags.TagHandset(span.Activity, "store", request.Store); // clean cross-member
        span.Activity?.SetTag("handsetcover.current.claimant", _current?.ClaimantName); // leak TC1001 cross-member
        span.Activity?.SetTag("handsetcover.current.excess", _current?.Excess); // clean cross-member

        logger.LogInformation("Claim filed {@Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Claim filed {Claim}", claim with { ClaimantId = "", ClaimantName = "", ClaimantEmail = "", Imei = "", Circumstances = "", PolicyNumber = "" }); // clean logging-objects
        logger.LogInformation("Claim filed {Claim}", claim with { Circumstances = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Claim {ClaimNumber} filed at {Store} with excess {Excess}", claim.ClaimNumber, request.Store, claim.Excess); // clean direct
        logger.LogInformation($"Claim {claim.ClaimNumber} filed by {request.Email}"); // leak TC1001 strings
        logger.LogInformation($"Claim {claim.ClaimNumber} filed at {request.Store}"); // clean strings
        ClaimFiled(logger, claim.ClaimNumber, request.ClaimantName, request.Imei); // clean logging-objects
        ClaimFiledPlain(logger, claim.ClaimNumber, request.Imei); // leak TC1001 logging-objects
        ClaimsFiled.Add(1, ClaimTags.StoreTags(request.Store, "filed")); // clean direct
        ClaimsFiled.Add(1, new KeyValuePair<string, object?>("imei", request.Imei)); // leak TC1003 direct
        ClaimsFiled.Add(1, new KeyValuePair<string, object?>("claimant", pseudonymizer.ComputeHandsetcoverOwnerId(request.ClaimantId))); // leak TC1003 precision-pseudonym
        Excess.Record((double)claim.Excess, new KeyValuePair<string, object?>("store", request.Store)); // clean direct

        try
        {
            var check = await blockingList.CheckAsync(new ImeiCheck(claim.ClaimNumber, claim.Imei, "all"));
            span.SetHandsetcoverOutcome(check.Outcome); // clean direct
            logger.LogInformation("IMEI check {Result}", check); // clean logging-objects
            logger.LogInformation("IMEI check {Check}", new ImeiCheck(check.CheckId, claim.Imei, check.Network)); // leak TC1001 logging-objects
            if (check.Blocked)
            {
                throw new ImeiBlockedException(claim.Imei);
            }
        }
        catch (ImeiBlockedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Claim {ClaimNumber} on a blocked handset", claim.ClaimNumber); // leak TC1001 exceptions
            logger.LogHandsetcoverOperationFailedEvent(request.Store, "already-blocked", handsetcoverNote: ex.GetType().Name); // clean generated-api
            _operations.Add(1, request.Store, "already-blocked"); // clean generated-api
            return BadRequest("blocked");
        }
        catch (BlockingListUnavailableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Blocking list unavailable for {ClaimNumber}", claim.ClaimNumber); // clean exceptions
        }

        var handler = await ledger.AssignAsync(claim.ClaimNumber);
        span.Activity?.SetTag("handsetcover.handler.team", "theft-desk"); // clean direct
        span.Activity?.SetTag("handsetcover.handler.staff_number", handler.StaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("handsetcover.handler.email", handler.Email); // leak TC1001 direct
        logger.LogInformation("Assigned {Handler}", handler); // leak TC1001 logging-objects
        logger.LogInformation("Assigned to a handler for {ClaimNumber}", claim.ClaimNumber); // clean direct
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Store); // clean generated-api
        _operations.Add(1, request.Store, "filed"); // clean generated-api
        return Ok(new { claim.ClaimNumber });
    }

    [HttpPost("{claimNumber}/decision")]
    public async Task<ActionResult> Decide(string claimNumber, string outcome)
    {
        using var activity = Source.StartActivity("handsetcover.decide");
        var claim = await ledger.FindAsync(claimNumber);
        if (claim is null) return NotFound();
        var decision = new ClaimDecision(claimNumber, outcome, claim.Excess, "theft-desk");
        await ledger.RecordAsync(decision);
        activity?.SetTag("handsetcover.decision", decision.Outcome); // clean direct
        activity?.SetTag("handsetcover.claimant.name_parts", claim.ClaimantName.Split(' ').Length); // clean precision-about
        activity?.SetTag("handsetcover.claimant", claim.ClaimantId); // leak TC1001 direct
        activity?.SetTag("handsetcover.claimant.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.ClaimantId)))); // leak TC1002 hashes
        var cohort = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(claim.ClaimantId))[0] % 20;
        activity?.SetTag("handsetcover.claimant.cohort", cohort); // clean hashes
        activity?.SetTag("handsetcover.policy.b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(claim.PolicyNumber))); // leak TC1001 hashes
        logger.LogInformation("Decision {Decision}", decision); // clean logging-objects
        logger.LogInformation("Decision {Outcome} on {Claim}", outcome, claim); // leak TC1001 logging-objects
        if (decision.Excess > 500)
        {
            var ex = new ClaimLimitExceededException(claimNumber, decision.Excess);
            activity?.AddException(ex); // clean exceptions
        }

        if (claim.ClaimantName.Length == 0)
        {
            var ex = new ClaimantNotVerifiedException(claim.ClaimantName);
            activity?.AddException(ex); // leak TC1001 exceptions
        }

        return Ok(decision);
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Claim {ClaimNumber} by {ClaimantName} for {Imei}")]
    private static partial void ClaimFiled(ILogger logger, string claimNumber, [PrivateData] string claimantName, [PrivateData] string imei);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "Claim {ClaimNumber} for handset {Imei}")]
    private static partial void ClaimFiledPlain(ILogger logger, string claimNumber, string imei);
}
