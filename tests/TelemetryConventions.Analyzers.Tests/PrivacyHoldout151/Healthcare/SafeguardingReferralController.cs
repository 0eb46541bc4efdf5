namespace PrivacyHoldout151.Healthcare;

/// <summary>The safeguarding adults hub: referrals from GPs, carers and the public.</summary>
[ApiController]
[Route("api/safeguarding")]
public sealed class SafeguardingReferralController(
    ICareRecords records,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<SafeguardingReferralController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Council.AdultCare.Safeguarding");
    private static readonly Counter<int> Referrals = Meter.CreateCounter<int>("safeguarding.referrals");

    [HttpPost("referrals")]
    public async Task<ActionResult> Refer([FromBody] SafeguardingReferral referral)
    {
        using var span = source.StartAdultcareOperation("safeguarding-hub");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = referral.ReferralId, ["Category"] = referral.Category }); // clean logging-objects
        Activity.Current?.SetTag("safeguarding.category", referral.Category); // clean precision-about
        Activity.Current?.SetTag("safeguarding.referrer.phone", referral.ReferrerPhone); // leak TC1001 direct
        Activity.Current?.SetTag("safeguarding.referrer.has_phone", !string.IsNullOrEmpty(referral.ReferrerPhone)); // clean precision-about
        Activity.Current?.SetTag(AdultcareAttributes.Contact, referral.ReferrerPhone); // leak TC1001 generated-api
        Activity.Current?.SetTag("safeguarding.concern.words", referral.Concern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        Referrals.Add(1, new KeyValuePair<string, object?>("category", referral.Category)); // clean precision-about

        try
        {
            var person = await records.PersonAsync(referral.PersonId) ?? throw new PersonNotKnownException(referral.PersonId);
            span.SetAdultcarePersonId(pseudonymizer.PseudonymizeAdultcarePersonId(person.PersonId)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("adultcare.person", pseudonymizer.ComputeAdultcarePersonId(person.PersonId)); // clean precision-pseudonym
            Activity.Current?.SetTag(AdultcareAttributes.Contact, pseudonymizer.Pseudonymize("referrer", referral.ReferrerPhone).Value); // leak TC1001 precision-pseudonym
            logger.LogInformation("Referral {ReferralId} about {PersonName}: {Concern}", referral.ReferralId, person.Name, referral.Concern); // leak TC1001 direct
            logger.LogInformation("Referral {ReferralId} triaged as {Category}", referral.ReferralId, referral.Category); // clean precision-names
            span.SetAdultcareNote(Summarise(referral)); // leak TC1001 strings
            span.SetAdultcareNote($"{referral.Category} referral, concern of {referral.Concern.Length} characters"); // clean strings
            return Ok(new { referral.ReferralId });
        }
        catch (PersonNotKnownException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Referral {ReferralId} for an unknown person: {Error}", referral.ReferralId, ex.GetType().Name); // clean exceptions
            return NotFound();
        }
    }

    [HttpGet("referrals/{referralId}")]
    public ActionResult Get(string referralId)
    {
        var referrerEmail = HttpContext.User.Email;
        Activity.Current?.SetTag("safeguarding.viewed_by", referrerEmail); // leak TC1001 direct
        Activity.Current?.SetTag("safeguarding.viewed_by.domain", referrerEmail?.Split('@')[^1]); // clean precision-about
        Activity.Current?.SetTag("safeguarding.viewer.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about
        Activity.Current?.SetTag("safeguarding.referral.id", referralId); // clean precision-names
        return Ok();
    }

    private static string Summarise(SafeguardingReferral referral) => $"{referral.Category} from {referral.ReferrerName}";
}
