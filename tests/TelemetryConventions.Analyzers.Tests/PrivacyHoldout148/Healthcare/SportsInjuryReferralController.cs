namespace PrivacyHoldout148.Healthcare;

/// <summary>Takes clubs' referrals of injured athletes into the sports medicine clinic.</summary>
[ApiController]
[Route("api/sports-clinic/referrals")]
public sealed class SportsInjuryReferralController(
    IClinicRecords records,
    Pseudonymizer pseudonymizer,
    ILogger<SportsInjuryReferralController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Hospital.SportsClinic.Referrals");

    [HttpPost]
    public async Task<ActionResult> Accept([FromBody] AthleteReferral referral, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("clinic.referral.id", referral.ReferralId); // clean precision-about
        activity?.SetTag("clinic.athlete.hospital_number", referral.HospitalNumber); // leak TC1001 direct
        activity?.SetTag("clinic.sport", referral.Sport); // clean precision-about
        activity?.SetTag("clinic.injury.site", referral.InjurySite); // clean precision-about
        activity?.SetTag("clinic.club", referral.ClubCode); // clean precision-names
        activity?.SetTag("clinic.days_since_injury", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - referral.InjuredOn.DayNumber); // clean precision-about

        using var span = Source.StartSportsclinicOperation("msk-sports");
        span.SetSportsclinicAthleteId(pseudonymizer.PseudonymizeSportsclinicAthleteId(referral.HospitalNumber)); // clean precision-pseudonym
        span.SetSportsclinicNote($"Referral from {referral.ClubCode} for {referral.AthleteName}"); // leak TC1001 generated-api

        logger.LogInformation("Referral {ReferralId} received for {Sport}", referral.ReferralId, referral.Sport); // clean precision-about
        logger.LogInformation("Referral received: {@Referral}", referral); // leak TC1001 logging-objects

        if (referral.NhsNumber.Length != 10)
        {
            logger.LogWarning("Referral {ReferralId} has an NHS number of {Length} digits", referral.ReferralId, referral.NhsNumber.Length); // clean precision-about
            logger.LogWarning("Malformed NHS number {NhsNumber} on referral", referral.NhsNumber); // leak TC1001 direct
            return BadRequest("nhs-number");
        }

        var existing = await records.FindReferralAsync(referral.ReferralId, cancellationToken);
        if (existing is null)
        {
            var ex = new AthleteNotFoundException(referral.HospitalNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(new ClearanceBlockedException(0, 1)); // clean exceptions
            span.SetSportsclinicOutcome("unknown-athlete"); // clean generated-api
            return NotFound(ex.GetType().Name);
        }

        span.SetSportsclinicOutcome("accepted"); // clean generated-api
        logger.LogInformation("Athlete {AthleteId} referred", pseudonymizer.ComputeSportsclinicAthleteId(referral.HospitalNumber)); // clean precision-pseudonym
        OpenTelemetry.Baggage.SetBaggage("clinic.athlete", referral.AthleteName); // leak TC1001 direct
        return Ok(referral.ReferralId);
    }

    [HttpGet("{referralId}")]
    public async Task<ActionResult> Get(string referralId, CancellationToken cancellationToken)
    {
        var referral = await records.FindReferralAsync(referralId, cancellationToken);
        Activity.Current?.SetTag("clinic.referral.found", referral is not null); // clean precision-about
        Activity.Current?.SetTag("clinic.athlete.name_length", referral?.AthleteName.Length ?? 0); // clean precision-about
        return referral is null ? NotFound() : Ok(referral);
    }
}
