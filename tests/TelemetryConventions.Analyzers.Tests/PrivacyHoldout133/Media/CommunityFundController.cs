namespace PrivacyHoldout133.Media;

/// <summary>The broadcaster's community fund: small grants to local groups, decided by a panel.</summary>
[ApiController]
[Route("api/community-fund")]
public sealed class CommunityFundController(IGrantPortal portal, ILogger<CommunityFundController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcast.CommunityFund");
    private static readonly Meter Meter = new("Broadcast.CommunityFund");
    private static readonly Histogram<double> Awarded = Meter.CreateHistogram<double>("broadcast.community_fund.awarded", "GBP");

    [HttpGet("applications/{applicationId}")]
    public async Task<ActionResult> Get(string applicationId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("community_fund.get");
        activity?.SetTag("application.id", applicationId); // clean precision-names
        var application = await portal.ApplicationAsync(applicationId, cancellationToken);
        if (application is null)
        {
            logger.LogInformation("No application {ApplicationId} (asked by {User})", applicationId, HttpContext.User.Email); // leak TC1001 direct
            return NotFound();
        }

        activity?.SetTag("application.group", application.GroupName); // clean precision-names
        activity?.SetTag("application.contact.domain", application.ContactEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("user.signed_in", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("user.subject", HttpContext.User.SubjectId); // leak TC1001 direct
        logger.LogInformation("Application {@Application} viewed", application); // leak TC1001 logging-objects
        return Ok(application);
    }

    [HttpPost("applications/{applicationId}/decision")]
    public async Task<ActionResult> Decide(string applicationId, [FromBody] GrantDecision decision, CancellationToken cancellationToken)
    {
        using var span = Source.StartAppealTask(appealProgramme: decision.Fund);
        await portal.SaveDecisionAsync(decision, cancellationToken);
        span.SetAppealOutcome(decision.Outcome); // clean precision-names
        span.Activity?.SetTag("fund.summary", $"{decision.Fund}:{decision.Outcome}:{decision.AmountAwarded}"); // clean strings
        span.SetAppealAmount((double)decision.AmountAwarded); // clean precision-about
        Awarded.Record((double)decision.AmountAwarded, new KeyValuePair<string, object?>("fund", decision.Fund)); // clean precision-about
        logger.LogInformation("Panel decision {Decision}", decision); // clean logging-objects
        TelemetryMetrics.CreateAppealTasksCounter(Meter).Add(1, appealProgramme: decision.Fund, appealOutcome: decision.Outcome); // clean generated-api
        return Ok();
    }
}
