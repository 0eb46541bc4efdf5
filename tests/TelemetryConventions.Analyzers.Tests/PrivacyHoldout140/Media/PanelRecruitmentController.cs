namespace PrivacyHoldout140.Media;

/// <summary>A household's answers to the panel's establishment survey.</summary>
public sealed record PanelSignup(string HouseholdId, string Name, string Email, string Phone, string Postcode, string Region, string AgeBand, int Occupants, bool HasSmartTv, string ConsentVersion);

/// <summary>
/// Recruits households to the broadcaster's audience panel against quota cells (region by age band), with the
/// panel's consent to viewing measurement.
/// </summary>
[ApiController]
[Route("api/panel")]
public sealed class PanelRecruitmentController(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PanelRecruitmentController> logger) : ControllerBase
{
    private static readonly Dictionary<(string, string), PanelQuota> Quotas = new();
    private static readonly HashSet<string> HouseholdsOnPanel = new(StringComparer.Ordinal);
    private readonly Counter<long> _recruited = meter.CreateCounter<long>("audiencepanel.recruited", "{household}");

    [HttpPost("signup")]
    public ActionResult SignUp([FromBody] PanelSignup signup)
    {
        var activity = Activity.Current;
        var span = activity.EnrichAudiencepanelOperation("tv-diary-uk");
        span.SetAudiencepanelRegion(signup.Region); // clean precision-about
        span.SetAudiencepanelAgeBand(signup.AgeBand); // clean precision-about
        span.SetAudiencepanelHouseholdId(pseudonymizer.PseudonymizeAudiencepanelHouseholdId(signup.HouseholdId)); // clean precision-pseudonym

        try
        {
            if (!HouseholdsOnPanel.Add(signup.HouseholdId))
            {
                throw new HouseholdOnPanelException(signup.HouseholdId);
            }

            var quota = Quotas.GetValueOrDefault((signup.Region, signup.AgeBand)) ?? new PanelQuota(signup.Region, signup.AgeBand, 40, 0);
            if (quota.Recruited >= quota.Target)
            {
                throw new QuotaClosedException(signup.Region, signup.AgeBand);
            }

            Quotas[(signup.Region, signup.AgeBand)] = quota with { Recruited = quota.Recruited + 1 };
            logger.LogInformation("Quota now {@Quota}", Quotas[(signup.Region, signup.AgeBand)]); // clean logging-objects
        }
        catch (HouseholdOnPanelException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            return BadRequest("Already on the panel");
        }
        catch (QuotaClosedException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogAudiencepanelDiaryFailedEvent("tv-diary-uk", "quota-closed", audiencepanelNote: ex.Message); // clean generated-api
            return BadRequest("We have enough households like yours for now");
        }

        var panellistId = $"P{signup.Region[..2].ToUpperInvariant()}{Random.Shared.Next(100000, 999999)}";
        var panellist = new Panellist(panellistId, signup.HouseholdId, signup.Name, signup.Email, signup.Postcode, signup.AgeBand);
        logger.LogInformation("Panellist recruited: {Panellist}", panellist); // leak TC1001 logging-objects
        activity?.SetTag("audiencepanel.occupants", signup.Occupants); // clean precision-about
        activity?.SetTag("audiencepanel.smart_tv", signup.HasSmartTv); // clean precision-about
        activity?.SetTag("audiencepanel.postcode", signup.Postcode); // leak TC1001 direct
        activity?.SetTag("audiencepanel.consent.version", signup.ConsentVersion); // clean precision-names
        _recruited.Add(1, new("region", signup.Region), new("age_band", signup.AgeBand)); // clean precision-about
        _recruited.Add(1, new KeyValuePair<string, object?>("household", pseudonymizer.ComputeAudiencepanelHouseholdId(signup.HouseholdId))); // leak TC1003 precision-pseudonym
        activity?.SetTag(AudiencepanelAttributes.Contact, signup.Phone); // leak TC1001 generated-api
        logger.LogInformation("Welcome pack for {Name} queued", signup.Name); // leak TC1001 direct
        return Ok(new { panellistId });
    }
}
