namespace PrivacyHoldout133.Energy;

/// <summary>Scores and decides community energy grant applications from local groups (solar on a village hall, insulation clubs).</summary>
public sealed class CommunityEnergyGrantService(IGrantPortal portal, Pseudonymizer pseudonymizer, ILogger<CommunityEnergyGrantService> logger)
{
    private static readonly ActivitySource Source = new("Energy.CommunityGrants");
    private static readonly Meter Meter = new("Energy.CommunityGrants");
    private static readonly Histogram<double> Requested = Meter.CreateHistogram<double>("energy.community_grant.requested", "GBP");

    private GrantApplication? _lastReferred;

    public async Task<GrantDecision> DecideAsync(string applicationId, string panelRegion, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var span = Source.StartWarmfundTask(warmfundProgramme: "community-energy");
        span.SetWarmfundSite(panelRegion); // clean precision-about

        var application = await portal.ApplicationAsync(applicationId, cancellationToken)
            ?? throw new InvalidOperationException($"No application {applicationId}");
        span.Activity?.SetTag("grant.group", application.GroupName); // clean precision-names
        span.Activity?.SetTag("grant.contact.name", application.ContactName); // leak TC1001 direct
        Requested.Record((double)application.AmountRequested, new KeyValuePair<string, object?>("fund", application.Fund), new KeyValuePair<string, object?>("region", panelRegion)); // clean precision-about
        logger.LogInformation("Scoring application {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Scoring {ApplicationId} from {GroupName} for {Amount}", application.ApplicationId, application.GroupName, application.AmountRequested); // clean precision-names

        GrantDecision decision;
        try
        {
            decision = Score(application);
        }
        catch (IneligibleException ex)
        {
            logger.LogWarning(ex, "{ApplicationId} ineligible", applicationId); // clean exceptions
            span.SetWarmfundOutcome(ex.RuleCode); // clean exceptions
            decision = new GrantDecision(applicationId, application.Fund, "ineligible", 0m);
        }

        if (decision.Outcome == "refer")
        {
            _lastReferred = application;
            logger.LogWarningTaskFailed(application.Fund, $"referred; contact {application.ContactEmail}"); // leak TC1001 strings
        }

        await portal.SaveDecisionAsync(decision, cancellationToken);
        logger.LogInformation("Decision {@Decision}", decision); // clean logging-objects
        span.SetWarmfundAmount((double)decision.AmountAwarded); // clean precision-about
        TelemetryMetrics.CreateWarmfundTasksCounter(Meter).Add(1, warmfundProgramme: application.Fund, warmfundOutcome: decision.Outcome); // clean generated-api
        TelemetryMetrics.CreateWarmfundTaskDurationHistogram(Meter).Record(clock.Elapsed.TotalSeconds, warmfundProgramme: application.Fund, warmfundSite: application.ContactEmail); // leak TC1003 generated-api
        return decision;
    }

    public void ReportReferrals()
    {
        using var activity = Source.StartActivity("grants.referrals");
        activity?.SetTag("grant.last_referred.id", _lastReferred?.ApplicationId); // clean cross-member
        activity?.SetTag("grant.last_referred.contact", _lastReferred?.ContactEmail); // leak TC1001 cross-member
        logger.LogWarmfundTaskFailedEvent(warmfundProgramme: "community-energy", warmfundOutcome: "referred", warmfundNote: $"last referred: {_lastReferred?.ContactName}"); // leak TC1001 generated-api
    }

    private static GrantDecision Score(GrantApplication application) =>
        application.AmountRequested > 25_000m
            ? throw new IneligibleException(application.Fund, "OVER-CAP")
            : new GrantDecision(application.ApplicationId, application.Fund, application.AmountRequested > 10_000m ? "refer" : "award", application.AmountRequested);
}

internal static class GrantLog
{
    public static void LogWarningTaskFailed(this ILogger logger, string fund, string note) =>
        logger.LogWarning("Grant in {Fund} needs review: {Note}", fund, note);
}
