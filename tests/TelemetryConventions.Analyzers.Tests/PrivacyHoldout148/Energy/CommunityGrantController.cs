namespace PrivacyHoldout148.Energy;

/// <summary>Awards the sponsor's community grants to grassroots clubs.</summary>
[ApiController]
[Route("api/community/grants")]
public sealed class CommunityGrantController(
    Pseudonymizer pseudonymizer,
    Meter meter,
    LeagueOptions options,
    ILogger<CommunityGrantController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PowerCo.CommunityLeague.Grants");
    private readonly Counter<double> _awarded = meter.CreateCounter<double>("league.grants.awarded");
    private decimal _spent;

    [HttpPost]
    public ActionResult Award([FromBody] GrantAward grant)
    {
        using var span = Source.StartCommunityleagueOperation(grant.Region);
        var applicant = HttpContext.User;
        try
        {
            if (_spent + grant.Amount > options.GrantBudgetPerRegion)
            {
                throw new GrantBudgetExceededException(grant.Region, options.GrantBudgetPerRegion - _spent);
            }
            _spent += grant.Amount;
            _awarded.Add((double)grant.Amount, new KeyValuePair<string, object?>("region", grant.Region)); // clean precision-names
            _awarded.Add((double)grant.Amount, new KeyValuePair<string, object?>("applicant", applicant.SubjectId)); // leak TC1003 direct
            logger.LogInformation("Grant {@Grant} awarded", grant); // clean logging-objects
            logger.LogInformation("Grant {GrantId} requested by {ApplicantEmail}", grant.GrantId, applicant.Email); // leak TC1001 direct
            logger.LogInformation("Grant {GrantId} requested by {Applicant}", grant.GrantId, pseudonymizer.ComputeCommunityleagueMemberId(applicant.SubjectId ?? "")); // clean precision-pseudonym
            span.SetCommunityleagueTeamCount(1); // clean generated-api
            meter.CreateCommunityleagueRegistrationsCounter().Add(1, communityleagueRegion: grant.Region, communityleagueOutcome: "grant"); // clean generated-api
            meter.CreateCommunityleagueRegistrationsCounter().Add(1, communityleagueRegion: grant.Region, communityleagueOutcome: pseudonymizer.ComputeCommunityleagueMemberId(applicant.SubjectId ?? "")); // leak TC1003 precision-pseudonym
        }
        catch (GrantBudgetExceededException ex)
        {
            span.SetCommunityleagueOutcome("budget-exceeded"); // clean generated-api
            span.SetCommunityleagueNote(ex.Message); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("budget");
        }
        Activity.Current?.SetTag("grant.club", grant.ClubId); // clean precision-names
        Activity.Current?.SetTag("grant.applicant.authenticated", applicant.IsAuthenticated); // clean precision-about
        Activity.Current?.AddBaggage("grant.applicant", applicant.SubjectId); // leak TC1001 direct
        return Ok(grant.GrantId);
    }
}
