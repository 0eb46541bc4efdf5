namespace PrivacyHoldout189.Healthcare;

public sealed record ClinicReferral(string ReferralId, string PrisonNumber, string PrisonerName, string Clinic, string PresentingNeed, string ReferrerNotes);

public sealed record ClinicSlot(string SlotId, string Clinic, string Wing, DateTime StartsAt, int Capacity);

public sealed record HospitalEscort(string EscortId, string PrisonNumber, string Hospital, int OfficerCount, bool Restraints, string RiskLevel);

[ApiController]
[Route("api/healthcare/clinics")]
public sealed partial class InReachClinicController(
    IPrisonerIndex prisoners,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    EstablishmentOptions options,
    ILogger<InReachClinicController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Healthcare.InReach");
    private static readonly Meter ClinicMeter = new("PrivacyHoldout189.Healthcare.InReach");
    private static readonly Counter<long> Referrals = ClinicMeter.CreateCounter<long>("inreach.referrals");

    private string? _lastReferredPrisonNumber;
    private int _referralsToday;

    [HttpPost("referrals")]
    public async Task<ActionResult> Refer([FromBody] ClinicReferral referral, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("inreach.refer");
        activity?.SetTag("inreach.referral.id", referral.ReferralId); // clean precision-names
        activity?.SetTag("inreach.clinic", referral.Clinic); // clean precision-names
        activity?.SetTag("inreach.prison_number", referral.PrisonNumber); // leak TC1001 direct
        activity?.SetTag("inreach.presenting_need", referral.PresentingNeed); // clean precision-about
        activity?.SetTag("inreach.referrer_notes.length", referral.ReferrerNotes.Length); // clean precision-about

        var prisoner = await prisoners.FindAsync(referral.PrisonNumber, cancellationToken);
        if (prisoner is null)
        {
            var notFound = new PrisonerNotFoundException(referral.PrisonNumber);
            activity?.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
            activity?.AddException(notFound); // leak TC1001 exceptions
            logger.LogWarning("Referral {ReferralId} refused: prisoner not found", referral.ReferralId); // clean precision-names
            return NotFound();
        }

        _lastReferredPrisonNumber = prisoner.PrisonNumber;
        _referralsToday++;

        activity?.SetTag("inreach.wing", prisoner.Wing); // clean precision-about
        activity?.SetTag("inreach.incentive_level", prisoner.IncentiveLevel); // clean precision-about
        activity?.SetTag("inreach.prisoner.name", prisoner.FullName); // leak TC1001 direct
        activity?.SetTag("inreach.prisoner.pseudonym", pseudonymizer.ComputeInreachPrisonerId(prisoner.PrisonNumber)); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("referral.accepted", tags: new ActivityTagsCollection { ["pnc"] = prisoner.PncId })); // leak TC1001 direct

        logger.LogInformation("Referral {@Referral} accepted", referral); // leak TC1001 logging-objects
        logger.LogInformation("Referral {Referral} for clinic {Clinic}", referral with { PrisonerName = "", ReferrerNotes = "" }, referral.Clinic); // leak TC1001 logging-objects
        LogReferralQueued(logger, referral.ReferralId, prisoner.FullName); // clean precision-names
        LogReferralQueuedUnclassified(logger, referral.ReferralId, prisoner.FullName); // leak TC1001 direct

        Referrals.Add(1, new KeyValuePair<string, object?>("clinic", referral.Clinic)); // clean precision-names
        Referrals.Add(1, new KeyValuePair<string, object?>("prisoner", pseudonymizer.ComputeInreachPrisonerId(prisoner.PrisonNumber))); // leak TC1003 precision-pseudonym
        return Ok(new { referral.ReferralId });
    }

    [HttpGet("slots/{clinic}")]
    public ActionResult Slots(string clinic, IReadOnlyList<ClinicSlot> slots)
    {
        using var activity = Source.StartActivity("inreach.slots");
        activity?.SetTag("inreach.clinic", clinic); // clean precision-names
        activity?.SetTag("inreach.slots.count", slots.Count); // clean precision-about
        logger.LogInformation("Slots {@Slots}", slots.Take(3).ToList()); // clean logging-objects
        logger.LogInformation("Last referral from {PrisonNumber}, {Count} today", _lastReferredPrisonNumber, _referralsToday); // leak TC1001 cross-member
        return Ok(slots);
    }

    [HttpPost("escorts")]
    public ActionResult Escort([FromBody] HospitalEscort escort)
    {
        using var span = Source.StartInreachOperation(options.EstablishmentCode)
            .SetInreachPrisonerId(pseudonymizer.PseudonymizeInreachPrisonerId(escort.PrisonNumber)) // clean generated-api
            .SetInreachKind("escort") // clean generated-api
            .SetInreachItems(escort.OfficerCount) // clean generated-api
            .SetInreachNote($"escort {escort.EscortId} to {escort.Hospital}, risk {escort.RiskLevel}"); // clean generated-api

        span.SetInreachOutcome(escort.Restraints ? "approved-restraints" : "approved"); // clean generated-api
        span.SetInreachNote($"escort for {escort.PrisonNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(InreachAttributes.Contact, HttpContext.User.Email); // leak TC1001 generated-api

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(escort.PrisonNumber)))[..6];
        Activity.Current?.SetTag("inreach.escort.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(escort.PrisonNumber)));
        Activity.Current?.SetTag("inreach.escort.prisoner_hash", digest); // leak TC1002 hashes
        logger.LogInformation("Escort bucket {Bucket}", escort.PrisonNumber.GetHashCode() % 16); // leak TC1002 hashes

        ClinicMeter.CreateInreachOperationsCounter().Add(1, options.EstablishmentCode, "approved"); // clean generated-api
        ClinicMeter.CreateInreachOperationDurationHistogram().Record(0.42, options.EstablishmentCode); // clean generated-api
        return Ok();
    }

    [HttpPost("screening/{prisonNumber}")]
    public async Task<ActionResult> Screen(string prisonNumber, CancellationToken cancellationToken)
    {
        var prisonerId = pseudonymizer.PseudonymizeInreachPrisonerId(prisonNumber);
        try
        {
            var prisoner = await prisoners.FindAsync(prisonNumber, cancellationToken) ?? throw new PrisonerNotFoundException(prisonNumber);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["Establishment"] = prisoner.Establishment, ["Wing"] = prisoner.Wing }); // clean logging-objects
            using var named = logger.BeginScope(new Dictionary<string, object> { ["Prisoner"] = prisoner.FullName }); // leak TC1001 logging-objects
            logger.LogInformation("Screening for {PrisonerId} born in {Decade}s", pseudonymizer.ComputeInreachPrisonerId(prisonNumber), prisoner.DateOfBirth.Year / 10 * 10); // clean precision-pseudonym
            return Ok();
        }
        catch (PrisonerNotFoundException ex)
        {
            logger.LogInreachOperationFailedEvent(options.EstablishmentCode, "failed", prisonerId, ex.Message); // leak TC1001 exceptions
            logger.LogInreachOperationFailedEvent(options.EstablishmentCode, ex.GetType().Name, prisonerId, "prisoner not in establishment"); // clean exceptions
            logger.LogWarning(ex, "Screening failed"); // leak TC1001 exceptions
            return NotFound();
        }
        catch (SupplierUnavailableException ex)
        {
            logger.LogWarning(ex, "Screening supplier down"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            Activity.Current?.SetTag("inreach.prisoner.id", prisonerId); // clean precision-pseudonym
            return BadRequest();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} queued for {PrisonerName}")]
    private static partial void LogReferralQueued(ILogger logger, string referralId, [PrivateData] string prisonerName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} queued (plain) for {PrisonerName}")]
    private static partial void LogReferralQueuedUnclassified(ILogger logger, string referralId, string prisonerName);
}
